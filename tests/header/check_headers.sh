#!/bin/sh
# Compile every public header in include/ccw/ alone (twice, to check its
# include guard) as C99, C11, C++11 and C++17 with each of gcc, clang, g++ and
# clang++ that is installed, warnings as errors.  Then build and run a C++
# COM object (cxx_object.cpp) that is also called from C (c_caller.c), with
# each C++ compiler and standard.
#
# usage: check_headers.sh INCLUDE_DIR TEST_SOURCE_DIR IIDS_C
set -u

include_dir=$1
source_dir=$2
iids_c=$3
warnings="-Wall -Wextra -pedantic -Werror"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

failures=0
passes=0

check() {
	description=$1
	shift
	if "$@" >"$work/log" 2>&1; then
		passes=$((passes + 1))
	else
		echo "FAIL: $description"
		echo "  $*"
		sed 's/^/  /' "$work/log"
		failures=$((failures + 1))
	fi
}

installed() {
	command -v "$1" >/dev/null 2>&1
}

c_compilers=""
for compiler in gcc clang; do
	installed "$compiler" && c_compilers="$c_compilers $compiler"
done
cxx_compilers=""
for compiler in g++ clang++; do
	installed "$compiler" && cxx_compilers="$cxx_compilers $compiler"
done
if [ -z "$c_compilers" ]; then
	echo "FAIL: neither gcc nor clang is installed"
	exit 1
fi

headers=$(ls "$include_dir"/ccw/*.h)
if [ -z "$headers" ]; then
	echo "FAIL: no headers in $include_dir/ccw"
	exit 1
fi

for header in $headers; do
	name=ccw/$(basename "$header")
	# A header of macros alone would leave ISO C an empty translation unit.
	printf '#include <%s>\n#include <%s>\ntypedef int header_check;\n' \
		"$name" "$name" >"$work/alone.c"
	cp "$work/alone.c" "$work/alone.cpp"
	for compiler in $c_compilers; do
		for std in c99 c11; do
			check "$name with $compiler -std=$std" \
				$compiler -std=$std $warnings -I"$include_dir" \
				-fsyntax-only "$work/alone.c"
		done
	done
	for compiler in $cxx_compilers; do
		for std in c++11 c++17; do
			check "$name with $compiler -std=$std" \
				$compiler -std=$std $warnings -I"$include_dir" \
				-fsyntax-only "$work/alone.cpp"
		done
	done
done

# With -fshort-wchar (as Wine builds use), WCHAR is wchar_t and OLESTR is L"".
printf '#include <ccw/com.h>\nstatic const OLECHAR text[] = OLESTR("x");\nconst wchar_t *wide = text;\n' \
	>"$work/short_wchar.c"
cp "$work/short_wchar.c" "$work/short_wchar.cpp"
for compiler in $c_compilers; do
	check "OLESTR with $compiler -fshort-wchar" \
		$compiler -std=c99 -fshort-wchar $warnings -I"$include_dir" \
		-fsyntax-only "$work/short_wchar.c"
done
for compiler in $cxx_compilers; do
	check "OLESTR with $compiler -fshort-wchar" \
		$compiler -std=c++11 -fshort-wchar $warnings -I"$include_dir" \
		-fsyntax-only "$work/short_wchar.cpp"
done

# The C half is compiled once; the C++ object is built with every C++
# compiler and standard against it.
c_compiler=${c_compilers# }
c_compiler=${c_compiler%% *}
check "c_caller.c and iids.c with $c_compiler" \
	$c_compiler -std=c11 $warnings -I"$include_dir" -c "$source_dir/c_caller.c" \
	-o "$work/c_caller.o"
check "iids.c with $c_compiler" \
	$c_compiler -std=c11 $warnings -I"$include_dir" -c "$iids_c" -o "$work/iids.o"
for compiler in $cxx_compilers; do
	for std in c++11 c++17; do
		program="$work/cxx_object-$compiler-$std"
		check "cxx_object.cpp with $compiler -std=$std" \
			$compiler -std=$std $warnings -I"$include_dir" \
			"$source_dir/cxx_object.cpp" "$work/c_caller.o" "$work/iids.o" \
			-o "$program"
		if [ -x "$program" ]; then
			check "running cxx_object ($compiler -std=$std)" "$program"
		fi
	done
done

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
