#!/usr/bin/env bash
# Installs kube-score into .tools/bin for the chart's scanner test, built from the Go module proxy like helm
# (scripts/tools/helm.sh). Skips when the pinned build is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."

KUBE_SCORE_VERSION=v1.20.0
bin="$PWD/.tools/bin/kube-score"
stamp="$PWD/.tools/bin/.kube-score-$KUBE_SCORE_VERSION"

if [ -x "$bin" ] && [ -f "$stamp" ]; then
  echo "kube-score $KUBE_SCORE_VERSION already in .tools/bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "kube-score.sh: Go is needed to build kube-score $KUBE_SCORE_VERSION; install it or put kube-score at $bin" >&2
  exit 1
fi

echo "kube-score.sh: building kube-score $KUBE_SCORE_VERSION into .tools/bin (about 3 min on a cold Go cache, seconds on a warm one)"
mkdir -p .tools/bin
GOBIN="$PWD/.tools/bin" go install "github.com/zegl/kube-score/cmd/kube-score@$KUBE_SCORE_VERSION"
rm -f "$PWD"/.tools/bin/.kube-score-*
touch "$stamp"
echo "kube-score.sh: installed $KUBE_SCORE_VERSION"
