#!/usr/bin/env bash
# The generator's agreement test runs tasks in the real CPython, and moto needs it too: python3 >= 3.8 with venv.
# Runs first (0-): on a machine without it, installs Debian's python3 (the tests run as root there).
set -euo pipefail
if python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 8))' 2>/dev/null; then
  echo "python3 $(python3 -c 'import platform; print(platform.python_version())') present"
  exit 0
fi
echo "python3 >= 3.8 with venv not found; installing Debian's python3"
apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null
