#!/bin/sh
# Every command-line option of DESIGN.md §8 in each of its spellings, every
# usage error (exit 2 and a message naming the problem, nothing written),
# and -p BUILD_DIR: the flags of compile_commands.json reach clang, relative
# paths made absolute; a missing or broken compile_commands.json is an input
# error (exit 1) that names the file.
#
# usage: options.sh CCWGEN      (from tests/golden)
set -u

ccwgen=$1
case $ccwgen in
/*) ;;
*) ccwgen=$(pwd)/$ccwgen ;;
esac
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_status STATUS ARGS...: runs ccwgen from $tmp/work.
expect_status() {
	want=$1
	shift
	(cd "$tmp/work" && exec "$ccwgen" "$@") >"$tmp/stdout" 2>"$tmp/stderr"
	got=$?
	[ "$got" -eq "$want" ] ||
		fail "ccwgen $*: exit status $got, expected $want ($(cat "$tmp/stderr"))"
}

expect_message() {
	grep -qF -- "$1" "$tmp/stderr" || fail "no message '$1' in: $(cat "$tmp/stderr")"
}

mkdir "$tmp/work"
cp inplace/counter.h comtypes.h "$tmp/work/"
# counter.h includes "../comtypes.h".
cp comtypes.h "$tmp/"
h=counter.h

# ---- usage errors: exit 2, a message, nothing written ----------------------
for option in -o --output-dir --name --emit --sidecar -p --target --depfile \
	--diagnostics-format; do
	expect_status 2 "$h" "$option"
	expect_message "option $option needs an argument"
done
expect_status 2 --frobnicate "$h"
expect_message "unknown option '--frobnicate'"
expect_status 2 -x "$h"
expect_message "unknown option '-x'"
expect_status 2 --output-dirx=out "$h"
expect_message "unknown option '--output-dirx=out'"
expect_status 2 -o out
expect_message "no header given"
expect_status 2 --emit json,bogus "$h"
expect_message "--emit: unknown output kind in 'json,bogus'"
expect_status 2 --emit= "$h"
expect_message "--emit: unknown output kind in ''"
expect_status 2 --diagnostics-format=yaml "$h"
expect_message "--diagnostics-format: 'yaml' is not text or json"
expect_status 2 --name= "$h"
expect_message "--name must not be empty"
[ "$(ls "$tmp/work")" = "$(printf 'comtypes.h\ncounter.h')" ] ||
	fail "a usage error wrote files: $(ls "$tmp/work")"

# ---- each option, in each spelling -------------------------------------------
expect_status 0 -o out1 --emit json "$h"
[ -f "$tmp/work/out1/counter.typelib.json" ] || fail "-o DIR"
expect_status 0 -oout2 --emit=json "$h"
[ -f "$tmp/work/out2/counter.typelib.json" ] || fail "-oDIR / --emit=KINDS"
expect_status 0 --output-dir out3 --emit json "$h"
[ -f "$tmp/work/out3/counter.typelib.json" ] || fail "--output-dir DIR"
expect_status 0 --output-dir=out4 --name lib --emit json "$h"
[ -f "$tmp/work/out4/lib.typelib.json" ] || fail "--output-dir=DIR / --name NAME"
grep -q '"name": "lib"' "$tmp/work/out4/lib.typelib.json" || fail "--name is the library name"
expect_status 0 -o out5 --name=lib2 --emit json "$h"
[ -f "$tmp/work/out5/lib2.typelib.json" ] || fail "--name=NAME"
# Without -o the outputs go to the current directory.
expect_status 0 --emit json "$h"
[ -f "$tmp/work/counter.typelib.json" ] || fail "default output directory"
rm "$tmp/work/counter.typelib.json"

# --depfile, in both spellings: the output and every header clang read.
expect_status 0 -o out1 --emit json --depfile deps.d "$h"
grep -q '^out1/counter.typelib.json:' "$tmp/work/deps.d" || fail "--depfile: $(cat "$tmp/work/deps.d")"
grep -q 'comtypes.h' "$tmp/work/deps.d" || fail "--depfile lacks an included header"
expect_status 0 -o out1 --emit json --depfile=deps2.d "$h"
cmp -s "$tmp/work/deps.d" "$tmp/work/deps2.d" || fail "--depfile=FILE differs"

# --check: 0 when up to date, 1 naming the output when not; writes nothing.
expect_status 0 -o out1 --emit json --check "$h"
printf 'stale\n' >"$tmp/work/out1/counter.typelib.json"
expect_status 1 -o out1 --emit json --check "$h"
expect_message "out1/counter.typelib.json would change"
[ "$(cat "$tmp/work/out1/counter.typelib.json")" = stale ] || fail "--check wrote"

# --target and --target=: type sizes follow the target (long is 4 bytes on
# Windows, 8 on x86-64 Linux).
cat >"$tmp/work/sizes.h" <<'EOF'
#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=4E0B9A39-2D7C-4C43-9D8B-1E6F0A2B3C4D")
	CCW_INTERFACE("ISizes iid=4E0B9A39-2D7C-4C43-9D8B-1E6F0A2B3C4E") sizes;
CCW_METHOD() long sizes_width(struct sizes *s);
EOF
expect_status 0 -o t1 --emit json --target x86_64-w64-mingw32 sizes.h
grep -q '"type": "LONG"' "$tmp/work/t1/sizes.typelib.json" || fail "--target mingw: long is not LONG"
expect_status 0 -o t2 --emit json --target=x86_64-linux-gnu sizes.h
grep -q '"type": "LONGLONG"' "$tmp/work/t2/sizes.typelib.json" || fail "--target=linux: long is not LONGLONG"

# --strict-guids turns the derived-GUID warnings into errors.
sed -e 's/ clsid=[0-9A-F-]*//' -e 's/ iid=[0-9A-F-]*//' "$tmp/work/sizes.h" >"$tmp/work/noguid.h"
expect_status 0 -o g1 --emit json noguid.h
expect_message "warning: class Sizes has no clsid=; using"
expect_status 1 -o g2 --emit json --strict-guids noguid.h
expect_message "error: class Sizes has no clsid= (required by --strict-guids"
[ ! -e "$tmp/work/g2" ] || fail "--strict-guids failure wrote outputs"

# --diagnostics-format json, both spellings.
expect_status 0 -o g1 --emit json --diagnostics-format=json noguid.h
grep -q '"severity": *"warning"' "$tmp/stderr" || fail "JSON diagnostics: $(cat "$tmp/stderr")"
expect_status 0 -o g1 --emit json --diagnostics-format text noguid.h
expect_message "noguid.h:2:8: warning:"

# --sidecar and --sidecar=.
cp sidecar/ledger.h sidecar/ledger.json "$tmp/work/"
expect_status 0 -o s1 --emit json --sidecar ledger.json ledger.h
expect_status 0 -o s2 --emit json --sidecar=ledger.json ledger.h
cmp -s "$tmp/work/s1/ledger.typelib.json" "$tmp/work/s2/ledger.typelib.json" || fail "--sidecar="
grep -q '"c_struct": "ledger"' "$tmp/work/s1/ledger.typelib.json" || fail "--sidecar not applied"

# Arguments after -- go to clang.
cat >"$tmp/work/needs.h" <<'EOF'
#ifndef NEEDED
#error NEEDED is not defined
#endif
#include <ccw/annotate.h>
#include "extra.h"
struct CCW_CLASS("noncreatable clsid=5E0B9A39-2D7C-4C43-9D8B-1E6F0A2B3C4D")
	CCW_INTERFACE("INeeds iid=5E0B9A39-2D7C-4C43-9D8B-1E6F0A2B3C4E") needs;
CCW_METHOD() extra_t needs_value(struct needs *n);
EOF
mkdir "$tmp/work/inc"
printf 'typedef short extra_t;\n' >"$tmp/work/inc/extra.h"
expect_status 1 -o c1 --emit json needs.h
expect_message "NEEDED is not defined"
expect_status 0 -o c1 --emit json needs.h -- -DNEEDED -Iinc
grep -q '"type": "SHORT"' "$tmp/work/c1/needs.typelib.json" || fail "-- CLANG_ARGS not used"

# ---- -p BUILD_DIR ------------------------------------------------------------
# The entry of a source file in the header's directory gives the flags; its
# relative -I is made absolute against the entry's directory, so ccwgen finds
# inc/ although it runs elsewhere.
mkdir "$tmp/work/build" "$tmp/elsewhere"
: >"$tmp/work/needs.c"
: >"$tmp/elsewhere/x.c"
cat >"$tmp/work/build/compile_commands.json" <<EOF
[
  { "directory": "$tmp/elsewhere", "file": "$tmp/elsewhere/x.c",
    "arguments": ["cc", "-DWRONG", "-c", "x.c"] },
  { "directory": "$tmp/work", "file": "$tmp/work/needs.c",
    "command": "cc -DNEEDED -I inc -Wall -O2 -o needs.o -c needs.c" }
]
EOF
mkdir "$tmp/run"
(cd "$tmp/run" && exec "$ccwgen" -o out --emit json -p "$tmp/work/build" "$tmp/work/needs.h") \
	>"$tmp/stdout" 2>"$tmp/stderr" || fail "-p BUILD_DIR: $(cat "$tmp/stderr")"
grep -q '"type": "SHORT"' "$tmp/run/out/needs.typelib.json" || fail "-p flags not used"
# -pDIR spelling.
(cd "$tmp/run" && exec "$ccwgen" -o out2 --emit json "-p$tmp/work/build" "$tmp/work/needs.h") \
	>"$tmp/stdout" 2>"$tmp/stderr" || fail "-pBUILD_DIR: $(cat "$tmp/stderr")"
# Flags after -- come after those of compile_commands.json, and so win.
expect_status 1 -o p3 --emit json -p build needs.h -- -UNEEDED
expect_message "NEEDED is not defined"
# A build directory without compile_commands.json, or with a broken one.
mkdir "$tmp/work/empty"
expect_status 1 -o p4 --emit json -p empty needs.h
expect_message "cannot read empty/compile_commands.json: No such file or directory"
printf '[{"directory": "/", "arguments": [' >"$tmp/work/empty/compile_commands.json"
expect_status 1 -o p4 --emit json -p empty needs.h
expect_message "empty/compile_commands.json is not a non-empty JSON array"
printf '[]' >"$tmp/work/empty/compile_commands.json"
expect_status 1 -o p4 --emit json -p empty needs.h
expect_message "empty/compile_commands.json is not a non-empty JSON array"
printf '[{"directory": "/", "file": "x.c"}]' >"$tmp/work/empty/compile_commands.json"
expect_status 1 -o p4 --emit json -p empty needs.h
expect_message "an entry has no usable \"arguments\" or \"command\""
[ ! -e "$tmp/work/p4" ] || fail "a -p error wrote outputs"

# ---- a header whose name is not UTF-8: the JSON stays valid UTF-8 ----------
bad=$(printf 'caf\351.h')
cp "$tmp/work/sizes.h" "$tmp/work/$bad"
expect_status 0 -o u1 --emit json --name cafe "$bad"
grep -q "\"caf$(printf '\357\277\275').h\"" "$tmp/work/u1/cafe.typelib.json" ||
	fail "the header name was not repaired to U+FFFD"
iconv -f UTF-8 -t UTF-8 "$tmp/work/u1/cafe.typelib.json" >/dev/null 2>&1 ||
	fail "the JSON is not valid UTF-8"
cd "$here" || exit 1
exit 0
