#!/bin/sh
# Regenerates the expected outputs of every golden case from the inputs, with
# the ccwgen of BUILD_DIR. Review the diff before committing it.
#
# usage: tests/golden/regen.sh BUILD_DIR     (or: meson compile -C BUILD_DIR golden-regen)
set -eu
build=$(cd "$1" && pwd)
ccwgen=$build/ccwgen/ccwgen
here=$(cd "$(dirname "$0")" && pwd)

for dir in "$here"/*/; do
	[ -f "$dir/args" ] || continue
	rm -rf "$dir/expected"
	mkdir "$dir/expected"
	# One argument per line in `args`; run from the case directory so that
	# file names in the outputs are the short ones a user would give.
	(
		cd "$dir"
		set -- -o expected --name "$(basename "$dir")"
		while IFS= read -r arg; do
			set -- "$@" "$arg"
		done <args
		"$ccwgen" "$@" 2>stderr
	)
	# Warnings are expected output too (run.sh compares them); none, no file.
	[ -s "$dir/stderr" ] || rm -f "$dir/stderr"
	echo "regenerated $(basename "$dir")"
done
