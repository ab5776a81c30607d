#!/bin/sh
# Runs ccwgen on one bad input and checks that it fails as the input says:
# exit status 1, the exact expected diagnostic line, no output file created
# and an earlier good output left untouched.
#
# usage: run.sh CCWGEN CASE      (from tests/errors; CASE is NAME.h or NAME.json)
# A header states `// expect: LINE` (and optionally `// args: FLAGS`); a
# sidecar's NAME.expect states `header: HEADER` and `expect: LINE`.
set -u

ccwgen=$1
# The runner may change directory: make the program's path absolute.
case $ccwgen in
/*) ;;
*) ccwgen=$(pwd)/$ccwgen ;;
esac
case_file=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
	echo "FAIL $case_file: $*" >&2
	echo "--- ccwgen's stderr:" >&2
	cat "$tmp/stderr" >&2 2>/dev/null
	exit 1
}

case $case_file in
*.json)
	meta=${case_file%.json}.expect
	header=$(sed -n 's/^header: //p' "$meta")
	expect=$(sed -n 's/^expect: //p' "$meta")
	set -- --sidecar "$case_file" "$header"
	;;
*.h)
	expect=$(sed -n 's,^// expect: ,,p' "$case_file")
	args=$(sed -n 's,^// args: ,,p' "$case_file")
	# shellcheck disable=SC2086 # the args line is a list of flags
	set -- $args "$case_file"
	;;
*)
	echo "unknown case kind: $case_file" >&2
	exit 2
	;;
esac
[ -n "$expect" ] || fail "states no expected diagnostic"

mkdir "$tmp/out"
printf 'an earlier good output\n' >"$tmp/out/case.typelib.json"
cp "$tmp/out/case.typelib.json" "$tmp/previous"

"$ccwgen" -o "$tmp/out" --name case --depfile "$tmp/out/case.d" "$@" 2>"$tmp/stderr"
status=$?
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
grep -qxF -- "$expect" "$tmp/stderr" || fail "missing the line: $expect"
[ "$(ls "$tmp/out")" = "case.typelib.json" ] || fail "outputs appeared: $(ls "$tmp/out")"
cmp -s "$tmp/out/case.typelib.json" "$tmp/previous" || fail "the earlier output changed"
exit 0
