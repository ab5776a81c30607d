#!/bin/sh
# Runs one libFuzzer target for a bounded time over its seed corpus and fails
# on any crash, leak, timeout, out-of-memory or sanitizer report (libFuzzer
# exits non-zero for each and saves the input under WORK/artifacts/).
#
# usage: run.sh FUZZER SEEDS WORK [DICT]
#   SEEDS  the checked-in corpus (tests/fuzz/corpus/<target>), only read
#   WORK   a directory in the build tree: the seeds are copied to WORK/corpus,
#          which the run grows, so the source tree is never written
#   $CCW_FUZZ_SECONDS  how long to run (default 60)
set -eu

fuzzer=$1
seeds=$2
work=$3
dict=${4:-}
seconds=${CCW_FUZZ_SECONDS:-60}

mkdir -p "$work/corpus" "$work/artifacts"
cp -R "$seeds"/. "$work/corpus/"

set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$work/artifacts/"
[ -n "$dict" ] && set -- "$@" -dict="$dict"
exec "$fuzzer" "$@" "$work/corpus"
