#!/usr/bin/env bash
# Every test of the project: installs what is missing, builds, then runs each package's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export MEDUSA_DISABLE_TELEMETRY=true
pnpm -r --workspace-concurrency=1 --if-present test
