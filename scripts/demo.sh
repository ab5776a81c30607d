#!/bin/sh
# `make demo`: what ccwgen and libccw do today, run from a built tree.
set -eu
build=${1:-build}

echo "== ccwgen: annotated C header -> checked model (NAME.typelib.json) =="
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/ccwgen/ccwgen" --version
"$build/ccwgen/ccwgen" -o "$out" --name counter examples/counter/counter.h -- -Iinclude
echo "wrote $(ls "$out")"
echo
echo "== libccw =="
"$build/examples/hello/hello"
