#!/usr/bin/env bash
# Single-process throughput of `./foretext batch` on N short cases (default 100,000) generated
# deterministically from the shared corpora (Foretext.Bench batch-cases). Prints cases per second and writes
# bench/results/batch-throughput-DATE.json. One run: quote it with the machine's load in mind.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-100000}"
out="$root/artifacts/bench"
dotnet build "$root/bench/Foretext.Bench/Foretext.Bench.csproj" -c Release -o "$out" -nologo -v quiet >/dev/null
"$root/foretext" batch --sample >/dev/null # builds the CLI outside the timed run
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dotnet "$out/Foretext.Bench.dll" batch-cases "$count" "$tmp/cases.jsonl" 2>"$tmp/gen.txt"
cat "$tmp/gen.txt" >&2
distinct="$(sed -n 's/.* \([0-9]*\) distinct texts.*/\1/p' "$tmp/gen.txt")"
start=$(date +%s.%N)
"$root/foretext" batch "$tmp/cases.jsonl" "$tmp/results.jsonl"
end=$(date +%s.%N)
lines=$(wc -l <"$tmp/results.jsonl")
errors=$(grep -c '"error"' "$tmp/results.jsonl" || true)
seconds=$(echo "$end - $start" | bc -l)
rate=$(echo "$count / $seconds" | bc -l)
printf 'foretext batch: %d cases (%s distinct texts) in %.2f s = %.0f cases/s, one process; %d results, %d errors\n' \
  "$count" "$distinct" "$seconds" "$rate" "$lines" "$errors"
mkdir -p "$root/bench/results"
date_utc="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat >"$root/bench/results/batch-throughput-${date_utc:0:10}.json" <<JSON
{
  "machine": {
    "nproc": $(nproc),
    "cpuModel": "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)",
    "os": "$(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release)",
    "dotnetSdk": "$(dotnet --version)",
    "date": "$date_utc",
    "note": "Shared machine: other engineers ran builds and Chromium recordings on the same cores."
  },
  "command": "bash bench/run-batch.sh $count",
  "cases": $count,
  "distinctTexts": $distinct,
  "processes": 1,
  "seconds": $(printf '%.3f' "$seconds"),
  "casesPerSecond": $(printf '%.0f' "$rate"),
  "errors": $errors
}
JSON
