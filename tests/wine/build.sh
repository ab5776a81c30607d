#!/bin/sh
# Builds what the Wine suite runs: a cross build of this tree for 64-bit
# Windows with cross/x86_64-w64-mingw32.txt, in OUTDIR/win64, whose glue this
# native build's ccwgen generates (the Windows half of tests/wine/meson.build,
# libccw, examples/counter, examples/zlib), then copies what the harness
# loads into OUTDIR, one directory as a component ships: COM loads an
# in-process server with LOAD_WITH_ALTERED_SEARCH_PATH, so libccw-0.dll is
# found beside it.
#
# usage: build.sh OUTDIR SRCROOT MESON CCWGEN
set -eu

out=$1 src=$2 meson=$3 ccwgen=$4
win=$out/win64
log=$out/win64.log

if [ ! -f "$win/build.ninja" ]; then
	rm -rf "$win"
	# The build machine's ccwgen, as a user points a cross build at theirs.
	printf "[binaries]\nccwgen = '%s'\n" "$ccwgen" >"$out/ccwgen.ini"
	# Layered over the cross file: its exe_wrapper (wine) would run Meson's
	# compiler check in the default prefix, ~/.wine, booting one there.
	printf '[properties]\nskip_sanity_check = true\n' >"$out/no-sanity-check.ini"
	"$meson" setup --cross-file "$src/cross/x86_64-w64-mingw32.txt" \
		--cross-file "$out/no-sanity-check.ini" --native-file "$out/ccwgen.ini" \
		-Dexamples=enabled -Dtests=enabled "$win" "$src" >"$log" 2>&1 ||
		{ cat "$log"; exit 1; }
fi
"$meson" compile -C "$win" >"$log" 2>&1 || { cat "$log"; exit 1; }

cp "$win/runtime/libccw-0.dll" "$win/examples/counter/counter.dll" \
	"$win/examples/zlib/zlib.dll" "$win/tests/wine/arith.dll" \
	"$win/tests/wine/wine_client.exe" "$win/tests/wine/bench_wine_dispatch.exe" \
	"$win/tests/wine/counter.tlb" "$win/tests/wine/arith.tlb" "$out/"
