#!/usr/bin/env bash
# Packs each publishable package as it would be published (pnpm pack turns workspace:* into versions) and checks
# the tarballs with publint and @arethetypeswrong/cli; checks that the protocol package holds no part of the sandbox.
# Expects a built workspace (`pnpm build`). Prints each tool's findings and a summary; exits non-zero on any problem.
set -uo pipefail
cd "$(dirname "$0")/.."

packs=$(mktemp -d)
trap 'rm -rf "$packs"' EXIT

# The sandbox is its own package (@qfpay-medusa/sandbox) for tests and demos: no file of it, and none of its code,
# may ship in the tarball a store installs with the plugin. Prints what it finds (nothing when clean).
sandbox_in() {
  tar -tzf "$1" | grep -i sandbox
  tar -xzOf "$1" | grep -E -m 3 'startSandbox|SandboxControl'
}

# package directory | publint message codes allowed | extra attw options. Why each exception:
#   plugin: Medusa loads a provider module's `export default ModuleProvider(...)` from CommonJS
#           (exports.default with __esModule), so that pattern stays (CJS_WITH_ESMODULE_DEFAULT_EXPORT,
#           cjs-only-exports-default). ./admin is the bundle Medusa's admin build loads, not an import for code;
#           ./providers/qfpay is the entry a store's medusa-config names (attw does not expand ./providers/*).
#   widget: ESM only on purpose (Lit is ESM only): CommonJS `require` is not a target (cjs-resolves-to-esm);
#           types still resolve under node10, node16 and bundler. ./custom-elements.json is a manifest for
#           editors and tools (found through the `customElements` field), not an import.
packages=(
  "shared||"
  "sandbox||"
  "plugin|CJS_WITH_ESMODULE_DEFAULT_EXPORT|--ignore-rules cjs-only-exports-default --exclude-entrypoints ./admin --include-entrypoints ./providers/qfpay"
  "widget||--ignore-rules cjs-resolves-to-esm --exclude-entrypoints ./custom-elements.json"
)

failed=()
for line in "${packages[@]}"; do
  IFS='|' read -r dir publint_allowed attw_options <<<"$line"
  for file in "$dir/LICENSE" "$dir/README.md"; do
    [[ -f $file ]] || { echo "missing $file"; failed+=("$dir: missing $(basename "$file")"); }
  done
  tarball=$( (cd "$dir" && pnpm pack --pack-destination "$packs" 2>/dev/null) | grep -E '\.tgz$' | tail -n 1)
  if [[ -z $tarball || ! -f $tarball ]]; then
    failed+=("$dir: pnpm pack failed")
    continue
  fi
  name=$(basename "$tarball")
  echo "== $name ($(du -k "$tarball" | cut -f1) kB packed, $(tar -tzf "$tarball" | wc -l) files)"

  echo "-- publint"
  # shellcheck disable=SC2086 # the codes are words on purpose
  if ! node scripts/publint-tarball.mjs "$tarball" $publint_allowed; then failed+=("$dir: publint"); fi

  echo "-- attw"
  # shellcheck disable=SC2086 # the options are words on purpose
  if ! pnpm exec attw "$tarball" --format table-flipped $attw_options; then failed+=("$dir: attw"); fi

  if [[ $dir == shared ]]; then
    echo "-- no sandbox"
    leaked=$(sandbox_in "$tarball")
    if [[ -n $leaked ]]; then echo "$leaked"; failed+=("$dir: holds sandbox files"); else echo "no sandbox files or code"; fi
  fi
  echo
done

if ((${#failed[@]} > 0)); then
  printf 'check:packages failed:\n'
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "check:packages: ${#packages[@]} packages clean (publint, attw)"
