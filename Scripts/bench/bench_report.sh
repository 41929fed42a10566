#!/usr/bin/env bash
# `make bench-report`: time `ctcase report` end to end on the seed-course example (three
# 512x512x241 DICOM studies: ingest, analysis, alignment, tracking, rules, report) and print the
# median stage table, wall and CPU time and peak memory. Arguments: CTCASE_BIN.
set -euo pipefail
bin=$1
runs=${BENCH_RUNS:-3}
case_file=Examples/seed-course/case.json
cache=.cache/bench-report
mkdir -p "$cache"

# CPU time (user + system) is printed beside the wall time: on a machine shared with other
# work the wall time mostly measures the queue for a core.
walls=() cpus=() peaks=()
for run in $(seq "$runs"); do
  /usr/bin/time -o "$cache/time.txt" -f "%e %M %U %S" "$bin" -q report "$case_file" \
    -o "$cache/report.pdf" --timings >"$cache/stages-$run.md"
  read -r wall peak user system < <(tail -1 "$cache/time.txt")
  walls+=("$wall")
  peaks+=("$peak")
  cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load=$(cut -d' ' -f1 /proc/loadavg)
peak_kb=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -1)

printf '\nbench-report: ctcase report %s end to end (release), median of %s runs' \
  "$case_file" "$runs"
printf ' (load average %s on %s cores)\n' "$load" "$(nproc)"
printf '| stage | median ms |\n|---|---:|\n'
# Rows keep the order of the first run; each value is the median over the runs.
awk -F'|' 'NF >= 4 && $2 !~ /stage|---/ {
    name = $2; gsub(/^ +| +$/, "", name)
    if (!(name in seen)) { seen[name] = 1; order[++n] = name }
    values[name] = values[name] " " $3
  }
  END {
    for (r = 1; r <= n; r++) {
      m = split(values[order[r]], v, " ")
      for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (v[b] + 0 < v[a] + 0) {
        t = v[a]; v[a] = v[b]; v[b] = t
      }
      printf "| %s | %.0f |\n", order[r], v[int((m + 1) / 2)]
    }
  }' "$cache"/stages-*.md
printf '\n| measure | value | target |\n|---|---|---|\n'
printf '| end to end wall | %s s | < 5 s |\n' "$(median "${walls[@]}")"
printf '| end to end CPU time (user + system) | %s s | - |\n' "$(median "${cpus[@]}")"
awk -v k="$peak_kb" 'BEGIN {printf "| peak memory | %.0f MiB | < 1.5 GB |\n", k / 1024}'
