#!/bin/sh
# Compiles each generated header alone as C99, C11, C++11 and C++17 with
# every installed gcc, g++, clang and clang++, under -Wall -Wextra -pedantic
# -Werror.
#
# usage: headers.sh INCLUDE_DIR HEADER...
set -u
include=$1
shift
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for header in "$@"; do
	case $header in
	/*) ;;
	*) header=$(pwd)/$header ;;
	esac
	printf '#include "%s"\n' "$header" >"$tmp/use.c"
	cp "$tmp/use.c" "$tmp/use.cpp"
	for compiler in gcc clang; do
		command -v $compiler >/dev/null 2>&1 || continue
		for std in c99 c11; do
			$compiler -std=$std -Wall -Wextra -pedantic -Werror -I"$include" \
				-fsyntax-only "$tmp/use.c" || { echo "FAIL: $compiler -std=$std $header"; status=1; }
		done
	done
	for compiler in g++ clang++; do
		command -v $compiler >/dev/null 2>&1 || continue
		for std in c++11 c++17; do
			$compiler -std=$std -Wall -Wextra -pedantic -Werror -I"$include" \
				-fsyntax-only "$tmp/use.cpp" || { echo "FAIL: $compiler -std=$std $header"; status=1; }
		done
	done
done
exit $status
