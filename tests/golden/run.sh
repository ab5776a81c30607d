#!/bin/sh
# Checks one golden case: the outputs equal the checked-in expected ones; a
# second run leaves them untouched (same bytes, same inode: written only when
# changed); --check passes, then fails naming a changed output without
# touching it; the depfile names the headers clang read; the diagnostics are
# the case's `stderr` (none when it has no such file).
#
# usage: run.sh CCWGEN CASE_DIR
set -u

ccwgen=$1
# The runner may change directory: make the program's path absolute.
case $ccwgen in
/*) ;;
*) ccwgen=$(pwd)/$ccwgen ;;
esac
dir=$2
name=$(basename "$dir")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
	echo "FAIL $name: $*" >&2
	exit 1
}

# Runs ccwgen from the case directory with the given options followed by the
# case's `args` (one argument per line).
run() {
	(
		cd "$dir" || exit 2
		while IFS= read -r arg; do
			set -- "$@" "$arg"
		done <args
		exec "$ccwgen" --name "$name" "$@"
	)
}

run -o "$tmp/out" --depfile "$tmp/deps.d" 2>"$tmp/stderr" || fail "exit status $?: $(cat "$tmp/stderr")"
# The diagnostics (warnings) are part of the expected result: a case's
# `stderr` file holds them, and a case without one must print none.
if [ -f "$dir/stderr" ]; then
	cmp -s "$dir/stderr" "$tmp/stderr" || fail "diagnostics differ from $name/stderr: $(cat "$tmp/stderr")"
else
	[ ! -s "$tmp/stderr" ] || fail "unexpected diagnostics: $(cat "$tmp/stderr")"
fi
for f in "$dir"/expected/*; do
	cmp "$f" "$tmp/out/$(basename "$f")" || fail "$(basename "$f") differs from the expected output"
done
[ "$(ls "$tmp/out")" = "$(ls "$dir/expected")" ] || fail "outputs differ: $(ls "$tmp/out")"

# Determinism, and no rewrite of unchanged files.
json=$tmp/out/$name.typelib.json
inode=$(ls -i "$json" | cut -d' ' -f1)
cp "$json" "$tmp/first"
run -o "$tmp/out" 2>/dev/null || fail "second run failed"
cmp -s "$json" "$tmp/first" || fail "second run gave different bytes"
[ "$(ls -i "$json" | cut -d' ' -f1)" = "$inode" ] || fail "an unchanged output was rewritten"

# --check: nothing to change, then one changed output named, and left alone.
run -o "$tmp/out" --check 2>"$tmp/check" || fail "--check failed on up-to-date outputs: $(cat "$tmp/check")"
printf 'stale\n' >"$json"
run -o "$tmp/out" --check 2>"$tmp/check"
status=$?
[ "$status" -eq 1 ] || fail "--check exit status $status on a stale output, expected 1"
grep -qF "$json" "$tmp/check" || fail "--check did not name $json"
[ "$(cat "$json")" = "stale" ] || fail "--check wrote an output"

# The depfile names the first output (the header) and every header read, the
# annotated one included.
grep -qF "${name}_ccw.h:" "$tmp/deps.d" || fail "depfile has no target"
header=$(tail -n 1 "$dir/args")
grep -qF "$header" "$tmp/deps.d" || fail "depfile does not list $header"
exit 0
