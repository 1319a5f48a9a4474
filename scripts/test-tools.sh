#!/usr/bin/env bash
# Installs the real external tools the tests use (moto server, helm, ...) into git-ignored .tools/,
# idempotently: each scripts/tools/*.sh checks what is there before installing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tools
for tool in scripts/tools/*.sh; do
  [ -e "$tool" ] || continue
  bash "$tool"
done
