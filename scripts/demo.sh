#!/usr/bin/env bash
# The demo: installs what is missing, then starts Postgres, the QFPay sandbox, Medusa and the storefront.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MEDUSA_DISABLE_TELEMETRY=true
exec pnpm --filter @qfpay-medusa/demo start
