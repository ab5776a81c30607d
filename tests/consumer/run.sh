#!/bin/sh
# Builds tests/consumer/greeter as a user of ccwgen would, in WORK_DIR, and
# runs its client (one call through a generated vtable):
#   subproject  Meson, with ccwgen's source tree as subprojects/ccwgen
#   pkgconfig   Meson, with ccwgen installed to a prefix and found by pkg-config
#   make        a plain Makefile, with the installed ccwgen found by pkg-config
# Also checks, from ccwgen's depfile, that <ccw/annotate.h> came from the
# source tree (subproject) or from the installation (the others), and that a
# moved installation still finds its own headers.
# Skipped (exit 77) only when a tool it needs is not installed.
#
# usage: run.sh MODE SOURCE_ROOT WORK_DIR
set -eu
mode=$1
src=$2
work=$3

need() {
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "SKIP: $1 is not installed"
		exit 77
	fi
}
need meson
need ninja
need "${CC:-cc}"
case $mode in
subproject) ;;
pkgconfig) need pkg-config ;;
make) need pkg-config; need make ;;
*) echo "usage: $0 subproject|pkgconfig|make SOURCE_ROOT WORK_DIR" >&2; exit 2 ;;
esac

# The dependencies ccwgen reported (a depfile, or what Ninja recorded of
# one, with bin/../ folded) must name this include directory's annotate.h.
expect_annotate_from() {
	if ! sed 's|/bin/\.\./|/|g' "$2" | grep -q "^ *$1/ccw/annotate.h"; then
		echo "FAIL: ccwgen did not read $1/ccw/annotate.h; it read:" >&2
		cat "$2" >&2
		exit 1
	fi
}

# What Ninja recorded from the greeter_ccw target's depfile (it consumes the
# file itself).
ninja_deps() {
	ninja -C "$work/build" -t deps greeter_ccw.h >"$work/deps.txt"
	echo "$work/deps.txt"
}

rm -rf "$work"
mkdir -p "$work"
cp -R "$src/tests/consumer/greeter" "$work/greeter"
# Only what a consumer needs of ccwgen: no tests, no examples.
ccwgen_options="-Dtests=disabled -Dexamples=disabled"

if [ "$mode" = subproject ]; then
	mkdir "$work/greeter/subprojects"
	ln -s "$src" "$work/greeter/subprojects/ccwgen"
	meson setup --force-fallback-for=ccw -Dccwgen:tests=disabled -Dccwgen:examples=disabled \
		"$work/build" "$work/greeter"
	meson test -C "$work/build" --print-errorlogs
	expect_annotate_from "$work/greeter/subprojects/ccwgen/include" "$(ninja_deps)"
	exit 0
fi

prefix=$work/prefix
# shellcheck disable=SC2086 # the options are words
meson setup --prefix="$prefix" $ccwgen_options "$work/ccwgen-build" "$src"
meson install -C "$work/ccwgen-build"
pc=$(find "$prefix" -name ccw.pc)
[ -n "$pc" ] || { echo "FAIL: ccw.pc was not installed" >&2; exit 1; }
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
[ "$(pkg-config --variable=ccwgen ccw)" = "$prefix/bin/ccwgen" ] ||
	{ echo "FAIL: ccw.pc's ccwgen is $(pkg-config --variable=ccwgen ccw)" >&2; exit 1; }
LD_LIBRARY_PATH=$(pkg-config --variable=libdir ccw)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH

if [ "$mode" = pkgconfig ]; then
	meson setup --wrap-mode=nofallback "$work/build" "$work/greeter"
	meson test -C "$work/build" --print-errorlogs
	depfile=$(ninja_deps)
else
	make -C "$work/greeter" CC="${CC:-cc}"
	"$work/greeter/client"
	depfile=$work/greeter/gen/greeter.d
fi
expect_annotate_from "$prefix/include" "$depfile"

# A moved installation uses its own headers (found beside the executable),
# not those of the directory it was configured for.
mv "$prefix" "$work/moved"
"$work/moved/bin/ccwgen" -o "$work/moved-out" --depfile "$work/moved.d" \
	"$work/greeter/greeter.h"
expect_annotate_from "$work/moved/include" "$work/moved.d"
echo "ok: $mode"
