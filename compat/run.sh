#!/usr/bin/env bash
# Medusa version compatibility: a fresh Medusa app for one Medusa version from the npm registry, outside the
# workspace, with the packed QFPay packages installed by npm as a store would; then compat/driver.mjs runs one
# checkout and one notification-only order against the QFPay sandbox.
#
#   bash compat/run.sh 2.15.3          # needs a built workspace (pnpm build)
#   KEEP=1 bash compat/run.sh 2.21.2   # keep the work folder (app, logs) for a look afterwards
#   BELOW_RANGE=1 bash compat/run.sh 2.13.6   # a version outside the plugin's peerDependencies (npm --legacy-peer-deps)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=${1:?usage: bash compat/run.sh <medusa version, e.g. 2.15.3>}

work=$(mktemp -d "${TMPDIR:-/tmp}/qfpay-compat-$version-XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$work"' EXIT; else echo "work folder kept: $work"; fi
app=$work/app
started=$SECONDS

echo "== packing the QFPay packages"
mkdir -p "$work/tarballs"
for package in shared sandbox plugin widget; do
  (cd "$package" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
ls "$work/tarballs"
# A tarball packed while a build is running (or before any) lacks its entry points: stop here rather than in Medusa.
for entry in "shared:package/dist/server.js" "sandbox:package/dist/index.js" \
  "plugin:package/.medusa/server/src/providers/qfpay/index.js" "widget:package/dist/define.js"; do
  tar -tzf "$work/tarballs/"qfpay-medusa-"${entry%%:*}"-*.tgz | grep -x "${entry#*:}" >/dev/null ||
    { echo "the ${entry%%:*} tarball has no ${entry#*:}: build the workspace (pnpm build) and run again"; exit 1; }
done

echo "== a fresh Medusa $version app in $app"
mkdir -p "$app"
cp -R compat/app/. "$app/"
cp compat/driver.mjs "$app/"
# medusa-starter-default's dependencies for this version, the QFPay tarballs, and embedded-postgres for the database.
node - "$app/package.json" "$version" "$work/tarballs" <<'EOF'
const fs = require("node:fs");
const path = require("node:path");
const [file, version, tarballs] = process.argv.slice(2);
const tarball = (name) => "file:" + path.join(tarballs, fs.readdirSync(tarballs).find((f) => f.startsWith(`qfpay-medusa-${name}-`)));
const manifest = {
  name: "qfpay-compat-store",
  private: true,
  scripts: { start: "medusa start", seed: "medusa exec ./src/scripts/seed.ts" },
  dependencies: {
    "@medusajs/admin-sdk": version,
    "@medusajs/cli": version,
    "@medusajs/framework": version,
    "@medusajs/medusa": version,
    "@qfpay-medusa/plugin": tarball("plugin"),
    "@qfpay-medusa/shared": tarball("shared"),
  },
  devDependencies: {
    "@qfpay-medusa/sandbox": tarball("sandbox"),
    "@swc/core": "^1.7.28",
    "@types/node": "^20.12.11",
    "embedded-postgres": "18.4.0-beta.17",
    "ts-node": "^10.9.2",
    "typescript": "^5.6.2",
  },
  engines: { node: ">=20" },
};
fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
EOF

echo "== npm install"
install_started=$SECONDS
npm_options=(--no-audit --no-fund --loglevel=error)
[[ -n ${BELOW_RANGE:-} ]] && npm_options+=(--legacy-peer-deps)
(cd "$app" && npm install "${npm_options[@]}")
echo "  npm install: $((SECONDS - install_started)) s"
# The QFPay widget tarball is a storefront's package: check that it installs and imports outside the workspace too.
(cd "$work" && mkdir -p storefront && cd storefront && npm init -y >/dev/null &&
  npm install --no-audit --no-fund --loglevel=error "$work/tarballs/"qfpay-medusa-widget-*.tgz &&
  node --input-type=module -e 'const m = await import("@qfpay-medusa/widget/define"); if (m.TAG_NAME !== "qfpay-checkout") process.exit(1)')
echo "  widget tarball installs and imports in Node"

echo "== checkout and notification-only order"
(cd "$app" && node driver.mjs)
echo "compat $version: $((SECONDS - started)) s in all"
