#!/usr/bin/env bash
# Whole-process timings of briefing, printed as one Markdown table (docs/performance.md):
#   bench/run.sh                      # from the repository root, after building build/briefing
# Cases: the seed with a4-briefing; the seed's body ×10 with bench/layouts/a4-briefing-long.xml
# (a4-briefing without its page limit); 1000 renders in one `briefing build` (200 generated
# articles × the 5 shipped layouts) at -j 1 and -j 2; the body ×1, ×10 and ×100 (scaling).
# Each case: hyperfine (median/min/max wall ms), peak RSS from one /usr/bin/time -v run, PDF
# bytes and pages; outputs are checked to be byte-identical across runs and -j levels.
# Environment: BRIEFING (executable, default build/briefing), RUNS (hyperfine runs, default 20),
# WORK (scratch folder, default a fresh one under /tmp), ANCHORS=1 to also run
# ../shared/anchors/run.sh in the same session (TYPST= its typst binary) and print the ratios,
# then time the seed against typst and the long article against pdflatex in interleaved pairs
# (H2H_ROUNDS, default 20), which a drifting machine cannot tilt.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${BRIEFING:-$root/build/briefing}")
runs=${RUNS:-20}
work=${WORK:-$(mktemp -d /tmp/briefing-perf-XXXXXX)}
mkdir -p "$work"
export SOURCE_DATE_EPOCH=1700000000
cd "$root"

for t in hyperfine python3 pdfinfo; do command -v "$t" >/dev/null || { echo "missing: $t" >&2; exit 2; }; done
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (GNU time)" >&2; exit 2; }

rows="$work/rows.tsv"
: > "$rows"

# Median/min/max ms of a hyperfine JSON export.
stats() {
  python3 -c 'import json,statistics,sys; t=json.load(open(sys.argv[1]))["results"][0]["times"]
print("%.1f %.1f %.1f" % (statistics.median(t)*1e3, min(t)*1e3, max(t)*1e3))' "$1"
}
# Peak RSS (MiB) of one run of the command.
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f", $2/1024}'; }

# One render case: name, article, layout, runs.
render_case() {
  local name=$1 art=$2 lay=$3 n=$4 pdf="$work/$1.pdf"
  local cmd=("$bin" render "$art" --layout "$lay" -o "$pdf")
  hyperfine -N --warmup 3 --runs "$n" --style none --export-json "$work/$name.json" "${cmd[*]}" >/dev/null
  read -r med mn mx < <(stats "$work/$name.json")
  cp "$pdf" "$work/$name.first.pdf"
  local mem; mem=$(rss "${cmd[@]}")
  cmp -s "$pdf" "$work/$name.first.pdf" && same=yes || same=NO
  local pages; pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$med" "$mn" "$mx" "$mem" "$(stat -c %s "$pdf")" "$pages" "$same" \
    "$(basename "$bin") render ${art#"$root"/} --layout ${lay#"$root"/}" >> "$rows"
}

# The batch: 1000 documents in one build at -j N, every one rendered (-f).
batch_case() {
  local j=$1 dir="$work/batch"
  local cmd=("$bin" build -j "$j" -f -q -o "$dir/out-j$j" "$dir/source" --layouts-dir "$dir/layouts")
  hyperfine -N --warmup 1 --runs 3 --style none --export-json "$work/batch-j$j.json" "${cmd[*]}" >/dev/null
  read -r med mn mx < <(stats "$work/batch-j$j.json")
  local mem; mem=$(rss "${cmd[@]}")
  local n; n=$(find "$dir/out-j$j" -name '*.pdf' | wc -l)
  local rate; rate=$(awk -v n="$n" -v ms="$med" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
  printf 'batch-j%s\t%s\t%s\t%s\t%s\t%s docs/s\t%s\tn/a\t%s\n' "$j" "$med" "$mn" "$mx" "$mem" "$rate" "$n" \
    "briefing build -j $j -f -q (200 articles x 5 layouts)" >> "$rows"
}

# Inputs: the long articles and the batch folder.
for k in 1 10 100; do scripts/gen-long "$k" "$work/body-x$k.xml"; done
mkdir -p "$work/batch"
scripts/gen-articles 200 "$work/batch/source" >/dev/null
cp -r layouts fonts "$work/batch/"

render_case seed source/article.xml layouts/a4-briefing.xml "$runs"
render_case long "$work/body-x10.xml" bench/layouts/a4-briefing-long.xml "$runs"
for k in 1 10 100; do
  render_case "scale-x$k" "$work/body-x$k.xml" bench/layouts/a4-briefing-long.xml $([ "$k" = 100 ] && echo 5 || echo "$runs")
done
batch_case 1
batch_case 2
if diff -rq "$work/batch/out-j1" "$work/batch/out-j2" -x '.briefing-*' >/dev/null; then batch_same=yes; else batch_same=NO; fi

echo "briefing $("$bin" --version | cut -d' ' -f2) — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | median ms | min ms | max ms | peak RSS MiB | PDF bytes / rate | pages / docs | same bytes | command |"
echo "|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | `%s` |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$rows"
echo
echo "batch outputs identical at -j 1 and -j 2: $batch_same"
awk -F'\t' '$1 ~ /^scale-x/ { printf "%s: %.2f ms per page, %.3f MiB per page\n", $1, $2 / $7, $5 / $7 }' "$rows"

if [ "${ANCHORS:-0}" = 1 ]; then
  anchors="$root/../shared/anchors/run.sh"
  OUT="$work/anchors" RUNS=5 bash "$anchors" > "$work/anchors.log" 2>&1 || { echo "anchors failed: $work/anchors.log" >&2; exit 1; }
  echo
  echo "| engine | seed median ms | briefing is × faster | long median ms | briefing is × faster |"
  echo "|---|---|---|---|---|"
  python3 - "$work/anchors/results.tsv" "$rows" <<'PY'
import csv, sys
ours = {r[0]: float(r[1]) for r in csv.reader(open(sys.argv[2]), delimiter='\t') if r[0] in ('seed', 'long')}
res = {}
for r in csv.DictReader(open(sys.argv[1]), delimiter='\t'):
    res.setdefault(r['engine'], {})[r['variant']] = r['median_ms']
for engine, v in res.items():
    def cell(variant, key):
        m = v.get(variant, 'n/a')
        if m == 'n/a': return 'not installed', '—'
        return m, '%.1f' % (float(m) / ours[key])
    s, sr = cell('short', 'seed'); l, lr = cell('long', 'long')
    print('| %s | %s | %s | %s | %s |' % (engine, s, sr, l, lr))
PY
  # Head to head: each case against its fastest engine, runs interleaved (engine, briefing,
  # engine, …) so that the machine's drift during the session hits both alike.
  shared="$root/../shared/anchors"
  typst_bin=${TYPST:-typst}
  h2h() {  # name, engine label, rounds, then the engine's command, --, briefing's command
    local name=$1 label=$2 n=$3; shift 3
    python3 "$root/bench/interleave.py" "$n" -- "$@" > "$work/h2h-$name.txt" || { echo "head to head failed: $name" >&2; exit 1; }
    awk -v name="$name" -v label="$label" 'NR == 1 { e = $2 } NR == 2 { b = $2 }
      END { printf "| %s | %s | %.1f | %.1f | %.1f |\n", name, label, e, b, e / b }' "$work/h2h-$name.txt"
  }
  echo
  echo "| case (interleaved, ${H2H_ROUNDS:-20} pairs) | engine | engine median ms | briefing median ms | × |"
  echo "|---|---|---|---|---|"
  h2h seed typst "${H2H_ROUNDS:-20}" "$typst_bin" compile --font-path /usr/share/fonts/truetype/liberation2 \
    "$shared/typst/briefing.typ" "$work/h2h-typst.pdf" -- \
    "$bin" render source/article.xml --layout layouts/a4-briefing.xml -o "$work/h2h-seed.pdf"
  h2h long pdflatex "${H2H_ROUNDS:-20}" pdflatex -interaction=batchmode -halt-on-error \
    -output-directory="$work/anchors/pdflatex" -jobname=briefing-long "$work/anchors/src/briefing-long.tex" -- \
    "$bin" render "$work/body-x10.xml" --layout bench/layouts/a4-briefing-long.xml -o "$work/h2h-long.pdf"
fi
echo
echo "raw data: $work"
