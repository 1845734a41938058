#!/usr/bin/env bash
# End-to-end benchmarks of the variorum command on ../shared/data:
#   ingest of BBC News (articles/s, words/s, peak memory), median of RUNS runs;
#   search latency as a user sees it (one process per query), median of 100;
#   the ripgrep peer over the raw files for the same queries, when installed.
# Usage: bash cmd/variorum/bench/e2e.sh [RUNS]   (from the repository root)
set -euo pipefail
runs=${1:-3}
data=${VARIORUM_DATA:-../shared/data}
bbc=$data/bbc-news
[ -d "$bbc" ] || { echo "no $bbc: set VARIORUM_DATA to the shared data folder" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/variorum" ./cmd/variorum
words=$(find "$bbc" -name '*.txt' -print0 | xargs -0 cat | wc -w)
files=$(find "$bbc" -name '*.txt' | wc -l)
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3); corpus: $bbc, $files files, $words words"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for i in $(seq "$runs"); do
  rm -rf "$work/idx"
  /usr/bin/time -f "%e %M" -o "$work/time.$i" "$work/variorum" ingest --index "$work/idx" "$bbc" >/dev/null 2>"$work/err.$i" || true
done
secs=$(for i in $(seq "$runs"); do cut -d' ' -f1 "$work/time.$i"; done | median)
rss=$(for i in $(seq "$runs"); do cut -d' ' -f2 "$work/time.$i"; done | median)
echo "ingest: median ${secs}s of $runs runs; $(awk -v f="$files" -v s="$secs" 'BEGIN{printf "%.0f", f/s}') articles/s, $(awk -v w="$words" -v s="$secs" 'BEGIN{printf "%.0f", w/s}') words/s; peak RSS $((rss/1024)) MB"
du -sh "$work/idx" | awk '{print "index size: " $1}'

queries=(election "prime minister" "interest rates" football "mobile phone" oil "\"world cup\"" music film government
  broadband economy court police tax "chancellor gordon brown" champions virus software award)
lat=()
for i in $(seq 100); do
  q=${queries[$(( (i-1) % ${#queries[@]} ))]}
  s=$(date +%s%N); "$work/variorum" search --index "$work/idx" --limit 10 "$q" >/dev/null || true; e=$(date +%s%N)
  lat+=($(( (e-s)/1000000 )))
done
echo "search (one process per query, open + search + print): median $(printf '%s\n' "${lat[@]}" | median) ms of 100"
if command -v rg >/dev/null; then
  lat=()
  for i in $(seq 100); do
    q=${queries[$(( (i-1) % ${#queries[@]} ))]}; q=${q//\"/}
    s=$(date +%s%N); rg -il --fixed-strings "$q" "$bbc" >/dev/null || true; e=$(date +%s%N)
    lat+=($(( (e-s)/1000000 )))
  done
  echo "ripgrep over the raw files, same queries: median $(printf '%s\n' "${lat[@]}" | median) ms of 100"
fi
