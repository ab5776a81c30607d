#!/bin/sh
# The command line's own behaviour: --help, --version, --new-guid, exit 2 for
# usage errors, JSON diagnostics.
#
# usage: cli.sh CCWGEN      (from tests/golden)
set -u

ccwgen=$1
# The runner may change directory: make the program's path absolute.
case $ccwgen in
/*) ;;
*) ccwgen=$(pwd)/$ccwgen ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

expect_status() {
	want=$1
	shift
	"$ccwgen" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	[ "$got" -eq "$want" ] || fail "ccwgen $*: exit status $got, expected $want ($(cat "$tmp/stderr"))"
}

expect_status 0 --help
grep -q '^usage: ccwgen \[options\] HEADER' "$tmp/stdout" || fail "--help prints no usage"
expect_status 0 --version
grep -Eq '^ccwgen [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/stdout" || fail "--version: $(cat "$tmp/stdout")"
expect_status 0 --new-guid
grep -Eqx '[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}' "$tmp/stdout" ||
	fail "--new-guid: $(cat "$tmp/stdout")"
cp "$tmp/stdout" "$tmp/guid1"
expect_status 0 --new-guid
cmp -s "$tmp/stdout" "$tmp/guid1" && fail "--new-guid printed the same GUID twice"

# Usage errors: exit 2 and a message, nothing written.
expect_status 2
expect_status 2 --bogus inplace/counter.h
grep -q "unknown option '--bogus'" "$tmp/stderr" || fail "no message for --bogus"
expect_status 2 -o
expect_status 2 --emit json,svg inplace/counter.h
expect_status 2 --emit h,,c inplace/counter.h

# --emit picks the outputs; --dll adds the DLL entry points to the default set.
expect_status 0 -o "$tmp/h" --emit h inplace/counter.h
[ "$(ls "$tmp/h")" = "counter_ccw.h" ] || fail "--emit h wrote: $(ls "$tmp/h")"
expect_status 0 -o "$tmp/dll" --dll inplace/counter.h
[ "$(ls "$tmp/dll" | tr '\n' ' ')" = "counter.def counter.idl counter.typelib.json counter_ccw.c counter_ccw.h counter_dll.c " ] ||
	fail "--dll wrote: $(ls "$tmp/dll")"
expect_status 2 --diagnostics-format xml inplace/counter.h
expect_status 2 --name "" inplace/counter.h

# Errors in the input: exit 1; --diagnostics-format json gives a JSON array.
expect_status 1 -o "$tmp/out" --diagnostics-format json ../errors/unknown-option.h
grep -q '"message"' "$tmp/stderr" || fail "no JSON diagnostics: $(cat "$tmp/stderr")"
grep -q '"line": *2' "$tmp/stderr" || fail "JSON diagnostics lack the line"
[ ! -e "$tmp/out" ] || fail "an output directory appeared on error"

# A missing header is clang's error, reported as exit 1.
expect_status 1 -o "$tmp/out" no-such-header.h
exit 0
