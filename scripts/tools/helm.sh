#!/usr/bin/env bash
# Installs the real helm into .tools/bin for the chart tests, built from the Go module proxy
# (no release tarball to trust or checksum by hand; helm.sh/helm/v3 has no replace directives).
# Skips when the pinned version is already there, so it costs nothing on a warm machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

HELM_VERSION=v3.21.4
bin="$PWD/.tools/bin/helm"

if [ -x "$bin" ] && "$bin" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; then
  echo "helm $HELM_VERSION already in .tools/bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "helm.sh: Go (>= 1.26) is needed to build helm $HELM_VERSION; install it or put helm $HELM_VERSION at $bin" >&2
  exit 1
fi

echo "helm.sh: building helm $HELM_VERSION into .tools/bin (a few minutes on a cold Go cache)"
mkdir -p .tools/bin
# Version stamp so `helm version` reports the pin (the module build alone would say v3.x-dev or similar).
GOBIN="$PWD/.tools/bin" go install \
  -ldflags "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" \
  "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
"$bin" version --template 'helm.sh: installed {{.Version}}{{"\n"}}'
