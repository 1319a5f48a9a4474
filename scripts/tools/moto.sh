#!/usr/bin/env bash
# Installs moto's server (the AWS emulator of the integration tests) into .tools/venv, pinned, idempotently.
# CloudWatch over the JSON protocol the JS SDK speaks needs moto >= 5.1.13 with botocore >= 1.42.7.
set -euo pipefail
cd "$(dirname "$0")/../.."

MOTO_VERSION=5.2.5
BOTOCORE_VERSION=1.44.8
BOTO3_VERSION=1.44.8
CONSTRAINTS=scripts/tools/moto-constraints.txt
VENV=.tools/venv
# The stamp names what was installed, so changing a pin or a constraint reinstalls.
STAMP="$VENV/.moto-$MOTO_VERSION-botocore-$BOTOCORE_VERSION-$(sha256sum "$CONSTRAINTS" | cut -c1-12)"

if [ -f "$STAMP" ] && [ -x "$VENV/bin/moto_server" ]; then
  echo "moto $MOTO_VERSION (botocore $BOTOCORE_VERSION) already in $VENV"
  exit 0
fi

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -c "$CONSTRAINTS" \
  "moto[server]==$MOTO_VERSION" "botocore==$BOTOCORE_VERSION" "boto3==$BOTO3_VERSION"
"$VENV/bin/python" - "$MOTO_VERSION" "$BOTOCORE_VERSION" <<'PY'
import sys, moto, botocore
want_moto, want_botocore = sys.argv[1], sys.argv[2]
if moto.__version__ != want_moto or botocore.__version__ != want_botocore:
    sys.exit(f"moto.sh: got moto {moto.__version__} / botocore {botocore.__version__}, wanted {want_moto} / {want_botocore}")
PY
rm -f "$VENV"/.moto-*
touch "$STAMP"
echo "installed moto $MOTO_VERSION (botocore $BOTOCORE_VERSION) in $VENV"
