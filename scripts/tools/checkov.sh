#!/usr/bin/env bash
# Installs checkov (the IaC scanner that test/infra and test/helm run on the synthesized templates and the rendered
# chart) into its own venv under .tools, pinned with every dependency, idempotently (~90 s and ~300 MB cold).
set -euo pipefail
cd "$(dirname "$0")/../.."

CHECKOV_VERSION=3.3.30
CONSTRAINTS=scripts/tools/checkov-constraints.txt
VENV=.tools/checkov-venv
# The stamp names what was installed, so changing the pin or a constraint reinstalls.
STAMP="$VENV/.checkov-$CHECKOV_VERSION-$(sha256sum "$CONSTRAINTS" | cut -c1-12)"

if [ -f "$STAMP" ] && [ -x "$VENV/bin/checkov" ]; then
  echo "checkov $CHECKOV_VERSION already in $VENV"
  exit 0
fi

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -c "$CONSTRAINTS" "checkov==$CHECKOV_VERSION"
rm -f "$VENV"/.checkov-*
touch "$STAMP"
echo "installed checkov $CHECKOV_VERSION in $VENV"
