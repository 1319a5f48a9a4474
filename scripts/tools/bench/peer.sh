#!/usr/bin/env bash
# Installs the bench's peer (the seed's dummy FastAPI planner, bench/peer/app.py) into .tools/peer-venv: FastAPI
# on uvicorn from PyPI, every package pinned by peer-constraints.txt, idempotently. Only `npm run bench` needs it,
# so it sits under scripts/tools/bench/, out of the glob `npm test`'s pretest runs.
set -euo pipefail
cd "$(dirname "$0")/../../.."

FASTAPI_VERSION=0.163.2
UVICORN_VERSION=0.54.0
CONSTRAINTS=scripts/tools/bench/peer-constraints.txt
# Its own folder: .tools may be shared with other checkouts, and moto's venv pins other versions.
VENV=.tools/peer-venv
# The stamp names what was installed, so changing a pin or a constraint reinstalls.
STAMP="$VENV/.peer-fastapi-$FASTAPI_VERSION-uvicorn-$UVICORN_VERSION-$(sha256sum "$CONSTRAINTS" | cut -c1-12)"

if [ -f "$STAMP" ] && [ -x "$VENV/bin/uvicorn" ]; then
  echo "peer: fastapi $FASTAPI_VERSION, uvicorn $UVICORN_VERSION already in $VENV" >&2
  exit 0
fi

echo "peer: installing fastapi $FASTAPI_VERSION and uvicorn[standard] $UVICORN_VERSION into $VENV" >&2
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -c "$CONSTRAINTS" \
  "fastapi==$FASTAPI_VERSION" "uvicorn[standard]==$UVICORN_VERSION" >&2
rm -f "$VENV"/.peer-*
touch "$STAMP"
echo "peer: installed in $VENV" >&2
