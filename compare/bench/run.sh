#!/bin/sh
# Scaling benchmark of compare.Clusters: BBC News alone and BBC News plus
# Reuters-21578 (about 21,000 articles), at 25%, 50% and 100% of the
# articles, RUNS times each; prints every run and the median of each size.
#
#   sh compare/bench/run.sh [DATA] [RUNS]     (from the repository root)
#
# DATA defaults to $VARIORUM_DATA or ../shared/data. Times are wall-clock
# seconds of Clusters alone (reading the files is not counted) and its CPU
# seconds; peak_rss_mb is the process's peak resident memory.
set -eu
data=${1:-${VARIORUM_DATA:-../shared/data}}
runs=${2:-3}
bin=$(mktemp -d)/bench
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./compare/bench
for set in bbc bbc+reuters; do
	flag=
	[ "$set" = bbc+reuters ] && flag=-reuters
	for frac in 0.25 0.5 1; do
		out=$(for i in $(seq "$runs"); do "$bin" -data "$data" $flag -frac "$frac"; done)
		echo "$out" | sed "s/^/$set frac=$frac /"
		echo "$out" | awk -v set="$set" -v frac="$frac" '
			{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1], NR] = kv[2] } n = NR }
			function median(k,   a, i, j, t) {
				for (i = 1; i <= n; i++) a[i] = v[k, i] + 0
				for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
				return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
			}
			END { printf "MEDIAN %s frac=%s articles=%s clusters=%s witnesses=%s seconds=%.2f cpu_seconds=%.2f peak_rss_mb=%d\n",
				set, frac, v["articles", 1], v["clusters", 1], v["witnesses", 1], median("seconds"), median("cpu_seconds"), median("peak_rss_mb") }'
	done
done
