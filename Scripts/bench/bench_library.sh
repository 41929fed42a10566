#!/usr/bin/env bash
# Library throughput: `ctcase library` over the thick-slice phantom case (the library test's
# example case, seed 7) and its variants (seeds 8, 9, ...), release build, de-identified (the
# default). Prints cases per minute for each job count, and the time of a re-run in which
# every case is current. Usage: bench_library.sh CTCASE CACHE_DIR [CASES] [RUNS]
set -euo pipefail
bin=$1
cache=$2
cases=${3:-4}
runs=${4:-1}

mkdir -p "$cache"
sources=()
for seed in $(seq 7 $((7 + cases - 1))); do
  folder="$cache/thick-$seed"
  if [ ! -f "$folder/truth.json" ]; then
    rm -rf "$folder"
    "$bin" -q phantom --preset thick --seed "$seed" --out "$folder" >/dev/null
  fi
  sources+=("$folder/case.json")
done

printf "%-7s %-5s %-5s %-10s %-12s %-14s %-8s\n" \
  cases jobs runs "median s" "cases/min" "re-run (s)" "load"
for jobs in 1 2; do
  times=()
  for run in $(seq "$runs"); do
    rm -rf "$cache/lib"
    start=$(date +%s.%N)
    "$bin" -q library "${sources[@]}" -o "$cache/lib" --jobs "$jobs" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN { print $end - $start }")")
  done
  sorted=($(printf "%s\n" "${times[@]}" | sort -g))
  median=${sorted[$((${#sorted[@]} / 2))]}
  start=$(date +%s.%N)
  "$bin" -q library "${sources[@]}" -o "$cache/lib" --jobs "$jobs" >/dev/null
  end=$(date +%s.%N)
  rerun=$(awk "BEGIN { print $end - $start }")
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf "%-7s %-5s %-5s %-10.1f %-12.2f %-14.2f %-8s\n" "$cases" "$jobs" "$runs" "$median" \
    "$(awk "BEGIN { print $cases * 60 / $median }")" "$rerun" "$load"
done
