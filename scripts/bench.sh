#!/bin/sh
# `make bench`: runs every benchmark of the project (Meson's benchmark()s),
# keeps their full output in BUILD/meson-logs/bench.txt, and prints one table
# of the rows each benchmark marks with `summary: what | figures | ratio |
# target | verdict`. Benchmarks report targets; they do not fail on them.
set -eu
build=${1:-build}
log="$build/meson-logs/bench.txt"

meson test -C "$build" --benchmark --verbose >"$log" 2>&1 || {
	cat "$log"
	echo "bench: a benchmark failed to run; its output is above" >&2
	exit 1
}

sed -n 's/^summary: //p' "$log" | awk -F ' *[|] *' '
	{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > width[i]) width[i] = length($i) } }
	END {
		split("measurement|figures|ratio|target|verdict", head, "|")
		for (i = 1; i <= 5; i++) if (length(head[i]) > width[i]) width[i] = length(head[i])
		for (i = 1; i <= 5; i++) printf "%-*s  ", width[i], head[i]; print ""
		for (i = 1; i <= 5; i++) { printf "%s  ", substr("--------------------------------------------------------------------------------", 1, width[i]) }; print ""
		for (r = 1; r <= NR; r++) { for (i = 1; i <= 5; i++) printf "%-*s  ", width[i], cell[r, i]; print "" }
	}'
echo
echo "Full output: $log; the machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
