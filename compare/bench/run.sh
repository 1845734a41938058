#!/bin/sh
# Scaling benchmark of compare.Clusters: BBC News alone and BBC News plus
# Reuters-21578 (about 21,000 articles), at 25%, 50% and 100% of the
# articles, RUNS rounds; prints every run, the median of each size, and the
# 100%/50% time ratio (of the medians, and the median of each round's ratio).
#
#   sh compare/bench/run.sh [DATA] [RUNS]     (from the repository root)
#
# DATA defaults to $VARIORUM_DATA or ../shared/data. Each round runs the three
# sizes one after the other, so that a shared machine's drift in speed falls
# on all of them alike. Times are wall-clock seconds of Clusters alone
# (reading the files is not counted) and its CPU seconds; peak_rss_mb is the
# process's peak resident memory.
set -eu
data=${1:-${VARIORUM_DATA:-../shared/data}}
runs=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/bench
go build -o "$bin" ./compare/bench
for set in bbc bbc+reuters; do
	flag=
	[ "$set" = bbc+reuters ] && flag=-reuters
	: >"$tmp/$set"
	for i in $(seq "$runs"); do
		for frac in 0.25 0.5 1; do
			line="$set frac=$frac round=$i $("$bin" -data "$data" $flag -frac "$frac")"
			echo "$line"
			echo "$line" >>"$tmp/$set"
		done
	done
	awk -v set="$set" '
		{
			for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
			k = f["frac"]; n[k]++
			sec[k, n[k]] = f["seconds"] + 0; cpu[k, n[k]] = f["cpu_seconds"] + 0; rss[k, n[k]] = f["peak_rss_mb"] + 0
			arts[k] = f["articles"]; cl[k] = f["clusters"]; wit[k] = f["witnesses"]
			if (k == "0.5") half[f["round"]] = f["seconds"] + 0
			if (k == "1") full[f["round"]] = f["seconds"] + 0
		}
		function median(a, k, m,   v, i, j, t) {
			for (i = 1; i <= m; i++) v[i] = a[k, i]
			for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
			return (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
		}
		END {
			split("0.25 0.5 1", ks, " ")
			for (x = 1; x <= 3; x++) {
				k = ks[x]; med[k] = median(sec, k, n[k])
				printf "MEDIAN %s frac=%s articles=%s clusters=%s witnesses=%s seconds=%.2f cpu_seconds=%.2f peak_rss_mb=%d\n",
					set, k, arts[k], cl[k], wit[k], med[k], median(cpu, k, n[k]), median(rss, k, n[k])
			}
			m = 0
			for (r in full) if (r in half && half[r] > 0) { m++; rr["r", m] = full[r] / half[r] }
			printf "RATIO %s 100%%/50%%: of medians %.2f, median of rounds %.2f (%d rounds); witnesses grow %.2fx\n",
				set, med["1"] / med["0.5"], median(rr, "r", m), m, wit["1"] / wit["0.5"]
		}' "$tmp/$set"
done
