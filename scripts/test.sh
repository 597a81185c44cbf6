#!/usr/bin/env bash
# Every test of the project: installs what is missing, builds, then runs each package's tests
# and closes with one line that counts them all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser --redis
export MEDUSA_DISABLE_TELEMETRY=true

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
pnpm -r --workspace-concurrency=1 --no-bail --if-present test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

count() { sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests +' | grep -oE "[0-9]+ $1" | awk '{ n += $1 } END { print n + 0 }'; }
echo
echo "total: $(count passed) passed, $(count failed) failed"
exit "$status"
