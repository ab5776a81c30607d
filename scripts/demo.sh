#!/bin/sh
# `make demo`: examples/counter from annotated header to early- and late-bound
# calls, run from a built tree. Uses a private registry in the build directory.
set -eu
build=${1:-build}
ccwgen="$build/ccwgen/ccwgen"
ccw="$build/runtime/tool/ccw"
component="$(cd "$build/examples/counter" && pwd)/counter.so"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

step "1. The library's header, annotated in place (examples/counter/counter.h)"
grep -E 'CCW_(CLASS|INTERFACE|METHOD|PROPGET|PROPPUT|CONSTRUCTOR)|^int|^char|^const|^bool|^void' \
	examples/counter/counter.h | sed 's/^/    /'

step "2. ccwgen turns it into COM glue"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run "$ccwgen" --dll --name counter -o "$out" examples/counter/counter.h
(cd "$out" && wc -l -- *) | sed 's/^/    /'
echo "    ... the COM interface it describes (from counter.idl):"
sed -n '/^interface ICounter :/,/^}/p' "$out/counter.idl" | sed 's/^/        /'

step "3. Register the component (a private registry: \$CCW_REGISTRY)"
CCW_REGISTRY="$(cd "$build" && pwd)/demo/registry.json"
export CCW_REGISTRY
mkdir -p "$(dirname "$CCW_REGISTRY")"
chmod 700 "$(dirname "$CCW_REGISTRY")"
run "$ccw" register "$component"
run "$ccw" list

step "4. Early-bound: a C client calls through the vtables (examples/counter/client.c)"
run "$build/examples/counter/counter_client"

step "5. Late-bound: IDispatch, as scripts call it"
run "$ccw" describe Example.Counter
run "$ccw" call Example.Counter IsZero
echo "Several calls on one object (--then), a named argument, the second interface:"
run "$ccw" call Example.Counter Add 40 --then Add step:=2 --then Value
run "$ccw" call Example.Counter Name --put demo --then Add 7 --then Describe
echo "Failing calls print the HRESULT and the description, the C library's own included:"
run "$ccw" call Example.Counter Value --put 2147483647 --then Add || true
run "$ccw" call Example.Counter Add "not a number" || true
run "$ccw" call Example.Counter Subtract 1 || true

step "6. The portable COM API underneath (examples/hello)"
run "$build/examples/hello/hello"
