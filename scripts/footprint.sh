#!/usr/bin/env bash
# Install footprint of a Khabar checkout (default: this one), as printed in docs/footprint.md:
# `make install` wall time into a fresh .venv, the venv's size, whether torch is in it, and the
# peak resident memory of the largest process of `khabar demo` (GNU time's %M, in MB).
# Usage: scripts/footprint.sh [CHECKOUT] [DEMO_PORT]
set -euo pipefail
dir=$(cd "${1:-.}" && pwd)
port=${2:-8765}
cd "$dir"
rm -rf .venv
start=$(date +%s)
make install >/dev/null
install_s=$(( $(date +%s) - start ))
venv_mb=$(du -sm .venv | cut -f1)
torch=$(.venv/bin/python -c 'import importlib.util as u; print("yes" if u.find_spec("torch") else "no")')
rss_file=$(mktemp)
KHABAR_INDEX_PREFIX="footprint$(date +%s)" KHABAR_ES_ALLOW_ROOT=true \
    /usr/bin/time -f '%M' -o "$rss_file" .venv/bin/khabar demo --port "$port" >/dev/null
peak_mb=$(( $(tail -n 1 "$rss_file") / 1024 ))
rm -f "$rss_file"
echo "commit $(git rev-parse --short HEAD): make install ${install_s} s (pip cache warm), venv ${venv_mb} MB, torch ${torch}, khabar demo peak RSS ${peak_mb} MB"
