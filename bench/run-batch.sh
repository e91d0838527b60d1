#!/usr/bin/env bash
# Throughput of `./foretext batch` on N short cases (default 100,000) generated deterministically from the shared
# corpora (Foretext.Bench batch-cases): one thread (--parallel 1), then every core (--parallel $(nproc)), in one run,
# each in a fresh process (cold caches). Prints cases per second and the speedup, and writes
# bench/results/batch-throughput-DATE.json. Quote the ratio, not the absolute rates: the machine may be shared.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-100000}"
cores="$(nproc)"
out="$root/artifacts/bench"
dotnet build "$root/bench/Foretext.Bench/Foretext.Bench.csproj" -c Release -o "$out" -nologo -v quiet >/dev/null
"$root/foretext" batch --sample >/dev/null # builds the CLI outside the timed runs
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dotnet "$out/Foretext.Bench.dll" batch-cases "$count" "$tmp/cases.jsonl" 2>"$tmp/gen.txt"
cat "$tmp/gen.txt" >&2
distinct="$(sed -n 's/.* \([0-9]*\) distinct texts.*/\1/p' "$tmp/gen.txt")"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# run THREADS: sets seconds, rate and errors for one timed batch run
run() {
  local start end
  start=$(date +%s.%N)
  "$root/foretext" batch "$tmp/cases.jsonl" "$tmp/results-$1.jsonl" --parallel "$1"
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  rate=$(echo "$count / $seconds" | bc -l)
  errors=$(grep -c '"error"' "$tmp/results-$1.jsonl" || true)
  printf 'foretext batch --parallel %d: %d cases (%s distinct texts) in %.2f s = %.0f cases/s; %d results, %d errors\n' \
    "$1" "$count" "$distinct" "$seconds" "$rate" "$(wc -l <"$tmp/results-$1.jsonl")" "$errors"
}

run 1
seconds1=$seconds rate1=$rate errors1=$errors
run "$cores"
secondsN=$seconds rateN=$rate errorsN=$errors
if ! cmp -s "$tmp/results-1.jsonl" "$tmp/results-$cores.jsonl"; then
  echo "run-batch: the parallel run's results differ from the single-thread run's" >&2
  exit 1
fi
speedup=$(echo "$seconds1 / $secondsN" | bc -l)
printf 'speedup on %d cores: %.2fx (results identical)\n' "$cores" "$speedup"

# What the machine itself gives this workload: the cases cut into $cores parts, each part in its own -j1 process, the
# processes one after another and then all at once. Separate processes share no cache, lock or GC, so their speedup
# is the ceiling that in-process threads can be judged against (memory bandwidth, shared caches, the host's SMT).
split -n "l/$cores" -d "$tmp/cases.jsonl" "$tmp/part-"
parts=("$tmp"/part-*)
start=$(date +%s.%N)
for part in "${parts[@]}"; do "$root/foretext" batch "$part" "$part.out" --parallel 1; done
end=$(date +%s.%N)
sequential=$(echo "$end - $start" | bc -l)
start=$(date +%s.%N)
for part in "${parts[@]}"; do "$root/foretext" batch "$part" "$part.out" --parallel 1 & done
wait
end=$(date +%s.%N)
concurrent=$(echo "$end - $start" | bc -l)
ceiling=$(echo "$sequential / $concurrent" | bc -l)
printf '%d separate -j1 processes on %d parts: %.2f s one after another, %.2f s at once = %.2fx (the machine'"'"'s ceiling)\n' \
  "$cores" "$cores" "$sequential" "$concurrent" "$ceiling"

mkdir -p "$root/bench/results"
date_utc="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat >"$root/bench/results/batch-throughput-${date_utc:0:10}.json" <<JSON
{
  "machine": {
    "nproc": $cores,
    "cpuModel": "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)",
    "os": "$(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release)",
    "dotnetSdk": "$(dotnet --version)",
    "date": "$date_utc",
    "loadAverageBefore": "$load_before",
    "note": "Shared machine; each run is a fresh process with cold caches."
  },
  "command": "bash bench/run-batch.sh $count",
  "cases": $count,
  "distinctTexts": $distinct,
  "singleThread": { "parallel": 1, "seconds": $(printf '%.3f' "$seconds1"), "casesPerSecond": $(printf '%.0f' "$rate1"), "errors": $errors1 },
  "allCores": { "parallel": $cores, "seconds": $(printf '%.3f' "$secondsN"), "casesPerSecond": $(printf '%.0f' "$rateN"), "errors": $errorsN },
  "speedup": $(printf '%.2f' "$speedup"),
  "separateProcesses": { "processes": $cores, "sequentialSeconds": $(printf '%.3f' "$sequential"), "concurrentSeconds": $(printf '%.3f' "$concurrent"), "speedup": $(printf '%.2f' "$ceiling") },
  "speedupOfCeiling": $(printf '%.2f' "$(echo "$speedup / $ceiling" | bc -l)"),
  "resultsIdentical": true
}
JSON
