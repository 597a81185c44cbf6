#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine that has only Node and npm:
# pnpm (from the npm registry), the workspace's packages, and, with --browser, Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

export MEDUSA_DISABLE_TELEMETRY=true

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm from the npm registry"
  npm install -g pnpm@12 >/dev/null
fi

echo "setup: installing workspace packages"
pnpm install --frozen-lockfile=false --reporter=append-only 2>&1 | tail -n 5

if $want_browser && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "setup: building the packages"
pnpm -r --workspace-concurrency=1 build
