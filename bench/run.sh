#!/usr/bin/env bash
# Times the assumeguard CLI end to end on generated inputs and prints a Markdown table:
# median wall time of RUNS runs (default 5) and the median peak resident set size.
#   bench/run.sh            # end-to-end table
#   JMH=1 bench/run.sh      # also the JMH benchmarks (parse+model+rules, rules only, Jackson floor)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}

command -v /usr/bin/time >/dev/null 2>&1 || {
  echo "bench/run.sh needs GNU time (/usr/bin/time): apt-get install -y time" >&2
  exit 2
}

echo "building the CLI and the benchmarks..." >&2
mvn -B -q -Pbench -DskipTests -pl cli,bench -am package >/dev/null
./assumeguard --version >/dev/null # the launcher's class-data archive, as users get it

inputs=bench/target/inputs
if [ ! -d "$inputs" ]; then
  echo "generating inputs in $inputs..." >&2
  java -cp bench/target/benchmarks.jar io.github.assumeguard.bench.Generate "$inputs"
fi

cases=(
  "one small policy (pre-commit)|$inputs/small/trust.json"
  "50 CFN templates x 10 roles (1x)|$inputs/cfn-50x10"
  "200 CFN templates x 10 roles (4x)|$inputs/cfn-200x10"
  "800 CFN templates x 10 roles (16x)|$inputs/cfn-800x10"
  "one 500-role YAML template|$inputs/cfn-500-roles"
  "plan, 1,250 roles (1x)|$inputs/plan-1250"
  "plan, 5,000 roles (4x)|$inputs/plan-5000"
  "plan, 10,000 roles (8x)|$inputs/plan-10000"
  "2,000 .tf files|$inputs/tf-2000"
)

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '| input | files | MB | median wall (s) | peak RSS (MB) | findings |\n|---|---:|---:|---:|---:|---:|\n'
for c in "${cases[@]}"; do
  label=${c%%|*}
  path=${c#*|}
  files=$(find "$path" -type f | wc -l)
  mb=$(du -sm "$path" | cut -f1)
  walls=()
  rss=()
  for ((i = 0; i < RUNS; i++)); do
    out=$( { /usr/bin/time -f "%e %M" ./assumeguard --format json --fail-on none "$path" >/tmp/assumeguard-bench.json; } 2>&1 | tail -1)
    walls+=("${out% *}")
    rss+=("${out#* }")
  done
  findings=$(grep -c '"ruleId"' /tmp/assumeguard-bench.json || true)
  wall=$(printf '%s\n' "${walls[@]}" | median)
  peak=$(printf '%s\n' "${rss[@]}" | median)
  printf '| %s | %d | %d | %.2f | %d | %d |\n' "$label" "$files" "$mb" "$wall" "$((peak / 1024))" "$findings"
done
rm -f /tmp/assumeguard-bench.json

if [ "${JMH:-0}" = 1 ]; then
  # parallel loading needs a longer warm-up before C2 settles: 6 warm-up, 5 measured iterations of 2 s
  java -jar bench/target/benchmarks.jar -f 1 -wi 6 -i 5 -w 2 -r 2 -rf text -rff bench/target/jmh.txt
  cat bench/target/jmh.txt
fi
