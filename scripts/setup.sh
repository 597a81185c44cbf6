#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine that has only Node and npm:
# pnpm (from the npm registry), the workspace's packages, and Debian packages for the tests:
# with --browser, chromium; with --redis, redis-server (the launcher starts its own Redis from it).
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=()
for arg in "$@"; do
  case "$arg" in
    --browser) [ -x /usr/bin/chromium ] || debian_packages+=(chromium) ;;
    --redis) command -v redis-server >/dev/null 2>&1 || debian_packages+=(redis-server) ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

export MEDUSA_DISABLE_TELEMETRY=true

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm from the npm registry"
  npm install -g pnpm@12 >/dev/null
fi

echo "setup: installing workspace packages"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | tail -n 5

if [ ${#debian_packages[@]} -gt 0 ]; then
  echo "setup: installing Debian's ${debian_packages[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # The launcher runs its own redis-server on a free port: a system service, if apt starts one, is not used.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${debian_packages[@]}" >/dev/null
fi

echo "setup: building the packages"
pnpm -r --workspace-concurrency=1 build
