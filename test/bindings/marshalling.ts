/**
 * Marshalling check (test/bindings/run.sh): the values that cross the jsii bridge in the least obvious ways —
 * `any` maps (CustomGenerator.spec), optional numbers, enums, Durations, a generator fed to an ExternalSecret —
 * written once here and once in Python (marshalling.py); their outputs must be byte-identical.
 *
 * Usage: ts-node --transpile-only test/bindings/marshalling.ts OUTDIR
 */
import { App, Chart, Duration } from 'cdk8s';
import * as eso from '../../src';

const app = new App({ outdir: process.argv[2] });
const chart = new Chart(app, 'marshalling', { namespace: 'demo' });
const password = new eso.PasswordGenerator(chart, 'password', {
  length: 24, digits: 6, symbols: 0, noUpper: true, allowRepeat: false, encoding: eso.PasswordEncoding.BASE64,
});
const ssh = new eso.CustomGenerator(chart, 'ssh', {
  kind: eso.GeneratorKind.SSH_KEY,
  spec: { keyType: 'rsa', keySize: 4096, comment: 'deploy key' },
});
const fake = new eso.CustomGenerator(chart, 'fake', {
  kind: eso.GeneratorKind.FAKE,
  spec: { data: { 'api-key': 'not-a-secret', 'nested.key': '0' } },
});
new eso.ExternalSecret(chart, 'rotated', {
  refreshPolicy: eso.RefreshPolicy.PERIODIC,
  refreshInterval: Duration.days(90),
  dataFrom: [eso.SecretSource.generator(password), eso.SecretSource.generator(ssh), eso.SecretSource.generator(fake)],
});
app.synth();
