#!/usr/bin/env bash
# Installs the real helm into .tools/bin for the chart tests, built from the Go module proxy
# (no release tarball to trust or checksum by hand; helm.sh/helm/v3 has no replace directives).
# Skips when the pinned build is already there, so it costs nothing on a warm machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

HELM_VERSION=v3.21.4
# Kubernetes minor helm's own Makefile stamps in (client-go v0.36 => 1.36); a plain `go install` would leave helm
# assuming Kubernetes 1.20 whenever --kube-version is not given.
K8S_MAJOR=1
K8S_MINOR=36
bin="$PWD/.tools/bin/helm"
stamp="$PWD/.tools/bin/.helm-$HELM_VERSION-k8s-$K8S_MAJOR.$K8S_MINOR"

if [ -x "$bin" ] && [ -f "$stamp" ] && "$bin" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; then
  echo "helm $HELM_VERSION already in .tools/bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "helm.sh: Go (>= 1.26) is needed to build helm $HELM_VERSION; install it or put helm $HELM_VERSION at $bin" >&2
  exit 1
fi

echo "helm.sh: building helm $HELM_VERSION into .tools/bin (about 100 s on a cold Go cache, seconds on a warm one)"
mkdir -p .tools/bin
ldflags="-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
  ldflags="$ldflags -X $pkg.k8sVersionMajor=$K8S_MAJOR -X $pkg.k8sVersionMinor=$K8S_MINOR"
done
GOBIN="$PWD/.tools/bin" go install -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
rm -f "$PWD"/.tools/bin/.helm-*
touch "$stamp"
"$bin" version --template 'helm.sh: installed {{.Version}}{{"\n"}}'
