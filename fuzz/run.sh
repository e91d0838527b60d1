#!/usr/bin/env bash
# Coverage-guided fuzzing of Foretext with SharpFuzz + AFL++: bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# Targets: font (CSS font parser), prepare (Prepare + layout with options from the input), fontfile (font loading
# from bytes, then shaping). Instruments Foretext.dll and Foretext.HarfBuzz.dll, runs afl-fuzz for the given time
# each (default 300 s), and prints executions and saved crashes; findings stay in artifacts/fuzz/findings/TARGET.
# Needs afl++ (apt-get install afl++); installs the sharpfuzz tool under artifacts/ on first use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-300}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(font prepare fontfile); fi
command -v afl-fuzz >/dev/null || { echo "fuzz: afl-fuzz not found (apt-get install afl++)" >&2; exit 2; }

tools="$root/artifacts/fuzz-tools"
[[ -x "$tools/sharpfuzz" ]] || dotnet tool install SharpFuzz.CommandLine --tool-path "$tools" >/dev/null
out="$root/artifacts/fuzz"
dotnet build "$root/fuzz/Foretext.Fuzz/Foretext.Fuzz.csproj" -c Release -o "$out/bin" -nologo -v quiet >/dev/null
for dll in Foretext.dll Foretext.HarfBuzz.dll; do "$tools/sharpfuzz" "$out/bin/$dll" >/dev/null; done

# The font seeds are the smallest TrueType files installed (no binary font is committed).
mkdir -p "$out/seeds/fontfile"
while read -r _ path; do
  cp "$path" "$out/seeds/fontfile/"
done < <(find /usr/share/fonts -name '*.ttf' -size -200k -printf '%s %p\n' 2>/dev/null | sort -n | head -3 || true)

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
for target in "${targets[@]}"; do
  seeds="$root/fuzz/seeds/$target"
  [[ "$target" == fontfile ]] && seeds="$out/seeds/fontfile"
  findings="$out/findings/$target"
  rm -rf "$findings"
  mkdir -p "$out/findings"
  afl-fuzz -V "$seconds" -t 20000 -m none -i "$seeds" -o "$findings" -- "$(command -v dotnet)" "$out/bin/Foretext.Fuzz.dll" "$target" >"$out/$target.log" 2>&1 || true
  stats="$findings/default/fuzzer_stats"
  if [[ -f "$stats" ]]; then
    printf '%-9s execs %s, paths %s, saved crashes %s, hangs %s\n' "$target" \
      "$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); print $2}' "$stats")" \
      "$(awk -F: '/^corpus_count/ {gsub(/ /,"",$2); print $2}' "$stats")" \
      "$(awk -F: '/^saved_crashes/ {gsub(/ /,"",$2); print $2}' "$stats")" \
      "$(awk -F: '/^saved_hangs/ {gsub(/ /,"",$2); print $2}' "$stats")"
  else
    echo "$target: afl-fuzz did not start; see $out/$target.log" >&2
  fi
done
