"""Marshalling check: the same app as test/bindings/marshalling.ts, in Python (run.sh compares the outputs).

Usage: python test/bindings/marshalling.py OUTDIR [--invalid]

With --invalid the password is longer than the letters it may use without repeats: the synth must raise the
validation error (ESO-GEN-PASSWORD-ARITHMETIC) in Python and write nothing.
"""
import sys

from cdk8s import App, Chart, Duration

import cdk8s_external_secrets as eso

app = App(outdir=sys.argv[1])
invalid = "--invalid" in sys.argv[2:]
chart = Chart(app, "marshalling", namespace="demo")
password = eso.PasswordGenerator(
    chart, "password",
    length=48 if invalid else 24, digits=6, symbols=0, no_upper=True, allow_repeat=False, encoding=eso.PasswordEncoding.BASE64,
)
ssh = eso.CustomGenerator(
    chart, "ssh", kind=eso.GeneratorKind.SSH_KEY, spec={"keyType": "rsa", "keySize": 4096, "comment": "deploy key"}
)
fake = eso.CustomGenerator(
    chart, "fake", kind=eso.GeneratorKind.FAKE, spec={"data": {"api-key": "not-a-secret", "nested.key": "0"}}
)
eso.ExternalSecret(
    chart, "rotated",
    refresh_policy=eso.RefreshPolicy.PERIODIC,
    refresh_interval=Duration.days(90),
    data_from=[eso.SecretSource.generator(password), eso.SecretSource.generator(ssh), eso.SecretSource.generator(fake)],
)
app.synth()
