#!/bin/sh
# Builds what the Wine suite runs, for 64-bit Windows with mingw-w64:
#   libccw-0.dll   the runtime, by a cross build of this tree with
#                  cross/x86_64-w64-mingw32.txt (kept in OUTDIR/libccw-win64)
#   counter.dll    examples/counter and the glue ccwgen generated for it with
#   arith.dll      --target x86_64-w64-mingw32 --dll; tests/wine/arith likewise
#   wine_client.exe, bench_wine_dispatch.exe   tests/wine/client.c and
#                  tests/bench/bench_wine_dispatch.c
#   counter.tlb, arith.tlb   the generated IDL compiled by `widl -t`
# and DEPFILE, which names every source and header the compiler read, so that
# Ninja runs this again when one of them changes.
#
# usage: build.sh OUTDIR DEPFILE SRCROOT GENDIR MESON CC WIDL
set -eu

out=$1 depfile=$2 src=$3 gen=$4 meson=$5 cc=$6 widl=$7

# The runtime: the tree's own cross build, so that this is what a user gets.
runtime=$out/libccw-win64
if [ ! -f "$runtime/build.ninja" ]; then
	"$meson" setup --cross-file "$src/cross/x86_64-w64-mingw32.txt" \
		-Dtests=disabled -Dexamples=disabled "$runtime" "$src" >"$out/libccw-win64.log" 2>&1 ||
		{ cat "$out/libccw-win64.log"; exit 1; }
fi
"$meson" compile -C "$runtime" >"$out/libccw-win64.log" 2>&1 ||
	{ cat "$out/libccw-win64.log"; exit 1; }
cp "$runtime/runtime/libccw-0.dll" "$out/"

objects=$out/objects
mkdir -p "$objects"
cflags="-std=c11 -O2 -g -Wall -Wextra -Wpedantic -Werror -I$src/include -I$gen"
libs="-L$runtime/runtime -lccw -loleaut32 -lole32 -luuid"
# -static-libgcc: no libgcc_s_seh-1.dll to ship next to the DLLs.
ldflags="-static-libgcc"

# compile NAME SOURCE [FLAGS...]: SOURCE to objects/NAME.o with its
# dependencies in objects/NAME.d.
compile() {
	name=$1 source=$2
	shift 2
	# shellcheck disable=SC2086 # $cflags is a list of words
	"$cc" $cflags "$@" -MMD -MF "$objects/$name.d" -c "$source" -o "$objects/$name.o"
}

compile counter_ccw "$gen/counter_ccw.c" "-I$src/examples/counter"
compile counter_dll "$gen/counter_dll.c" "-I$src/examples/counter"
compile counter "$src/examples/counter/counter.c"
compile arith_ccw "$gen/arith_ccw.c" "-I$src/tests/wine"
compile arith_dll "$gen/arith_dll.c" "-I$src/tests/wine"
compile arith "$src/tests/wine/arith.c"
compile client "$src/tests/wine/client.c"
compile bench "$src/tests/bench/bench_wine_dispatch.c" "-I$src/tests/wine"

o=$objects
# shellcheck disable=SC2086 # $ldflags and $libs are lists of words
{
	"$cc" -shared $ldflags -o "$out/counter.dll" "$o/counter_ccw.o" "$o/counter_dll.o" \
		"$o/counter.o" "$gen/counter.def" $libs
	"$cc" -shared $ldflags -o "$out/arith.dll" "$o/arith_ccw.o" "$o/arith_dll.o" "$o/arith.o" \
		"$gen/arith.def" $libs
	"$cc" $ldflags -o "$out/wine_client.exe" "$o/client.o" -loleaut32 -lole32 -luuid
	"$cc" $ldflags -o "$out/bench_wine_dispatch.exe" "$o/bench.o" "$o/arith_ccw.o" "$o/arith.o" \
		$libs
}

"$widl" -t -o "$out/counter.tlb" "$gen/counter.idl"
"$widl" -t -o "$out/arith.tlb" "$gen/arith.idl"

# One rule for the first output, with every prerequisite the compiler named.
{
	printf '%s:' "$out/counter.dll"
	sed -e 's/^[^:]*://' -e 's/\\$//' "$objects"/*.d | tr '\n' ' '
	echo
} >"$depfile"
