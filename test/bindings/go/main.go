// Marshalling check in Go: the same app as test/bindings/marshalling.ts (any maps, optional numbers, enums,
// Durations, generators); test/bindings/run.sh compares the outputs byte for byte. With --invalid the password is
// longer than the letters it may use without repeats: the synth must fail (ESO-GEN-PASSWORD-ARITHMETIC), exit 1.
//
// Usage: go run . OUTDIR [--invalid]
package main

import (
	"fmt"
	"os"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"

	eso "github.com/cdk8s-external-secrets/cdk8s-external-secrets-go/cdk8sexternalsecrets"
)

func main() {
	defer jsii.Close()
	invalid := len(os.Args) > 2 && os.Args[2] == "--invalid"
	length := 24.0
	if invalid {
		length = 48
	}
	app := cdk8s.NewApp(&cdk8s.AppProps{Outdir: jsii.String(os.Args[1])})
	chart := cdk8s.NewChart(app, jsii.String("marshalling"), &cdk8s.ChartProps{Namespace: jsii.String("demo")})
	password := eso.NewPasswordGenerator(chart, jsii.String("password"), &eso.PasswordGeneratorProps{
		Length: jsii.Number(length), Digits: jsii.Number(6), Symbols: jsii.Number(0), NoUpper: jsii.Bool(true),
		AllowRepeat: jsii.Bool(false), Encoding: eso.PasswordEncoding_BASE64,
	})
	ssh := eso.NewCustomGenerator(chart, jsii.String("ssh"), &eso.CustomGeneratorProps{
		Kind: eso.GeneratorKind_SSH_KEY,
		Spec: &map[string]interface{}{"keyType": "rsa", "keySize": 4096, "comment": "deploy key"},
	})
	fake := eso.NewCustomGenerator(chart, jsii.String("fake"), &eso.CustomGeneratorProps{
		Kind: eso.GeneratorKind_FAKE,
		Spec: &map[string]interface{}{"data": map[string]interface{}{"api-key": "not-a-secret", "nested.key": "0"}},
	})
	eso.NewExternalSecret(chart, jsii.String("rotated"), &eso.ExternalSecretProps{
		RefreshPolicy:   eso.RefreshPolicy_PERIODIC,
		RefreshInterval: cdk8s.Duration_Days(jsii.Number(90)),
		DataFrom: &[]eso.SecretSource{
			eso.SecretSource_Generator(password, nil), eso.SecretSource_Generator(ssh, nil), eso.SecretSource_Generator(fake, nil),
		},
	})
	defer func() { // a validation error is a panic carrying the JavaScript error
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, r)
			jsii.Close()
			os.Exit(1)
		}
	}()
	app.Synth()
}
