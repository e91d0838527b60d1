#!/usr/bin/env bash
# Side-by-side speed run: @chenglou/pretext and DOM measurement in Debian's headless Chromium, then Foretext,
# in one command; prints Foretext/peer ratios and writes bench/results/side-by-side-DATE.json.
# Needs node + npm and /usr/bin/chromium (scripts/setup.sh installs chromium); never downloads a browser.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="$root/bench/peers"
if [[ ! -d "$peers/node_modules/playwright-core" || ! -d "$peers/node_modules/@chenglou/pretext" ]]; then
  (cd "$peers" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
out="$root/artifacts/bench"
dotnet build "$root/bench/Foretext.Bench/Foretext.Bench.csproj" -c Release -o "$out" -nologo -v quiet
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dotnet "$out/Foretext.Bench.dll" emit-batch "$tmp/batch.json"
node "$peers/run-peers.mjs" "$tmp/batch.json" "$out/Foretext.Bench.dll" "$root/bench/results"
