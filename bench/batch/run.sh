#!/usr/bin/env bash
# Times `briefing build` on N generated articles × every shipped layout: once from scratch, then
# five re-runs with nothing to do. Usage (from the repository root, after `make build`):
#   bench/batch/run.sh [N=200] [JOBS=$(nproc)]
# Prints the times, documents per second and the re-runs' share of the first run. BRIEFING=path
# selects another executable.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-200}
jobs=${2:-$(nproc)}
bin=${BRIEFING:-$root/build/briefing}
work=$(mktemp -d "${TMPDIR:-/tmp}/briefing-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

"$root/scripts/gen-articles" "$n" "$work/source" >/dev/null
cp -r "$root/layouts" "$root/fonts" "$work/"
layouts=$(find "$work/layouts" -maxdepth 1 -name '*.xml' | wc -l)
cd "$work"
export SOURCE_DATE_EPOCH=1700000000

# Wall-clock seconds of one build; its exit status goes to the file `status`.
timed_build() {
  local t0 t1
  t0=$(date +%s.%N)
  set +e
  "$bin" build -j "$jobs" -q -o out source >/dev/null 2>&1
  echo $? >status
  set -e
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

first=$(timed_build)
first_status=$(cat status)
again=()
for _ in 1 2 3 4 5; do again+=("$(timed_build)"); done
pdfs=$(find out -maxdepth 1 -name '*.pdf' | wc -l)

echo "briefing $("$bin" --version | cut -d' ' -f2), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "articles $n x layouts $layouts = $((n * layouts)) documents, -j $jobs, $pdfs PDFs written"
awk -v n="$((n * layouts))" -v f="$first" -v s="$first_status" \
  'BEGIN { printf "from scratch: %.3f s (%.1f documents/s, exit %d)\n", f, n / f, s }'
printf '%s\n' "${again[@]}" | sort -n | awk -v f="$first" '
  { t[NR] = $1 }
  END { printf "nothing to do (5 runs): %s s; median %.3f s = %.2f %% of the first run\n",
               t[1] " " t[2] " " t[3] " " t[4] " " t[5], t[3], 100 * t[3] / f }'
