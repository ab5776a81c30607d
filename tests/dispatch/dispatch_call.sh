#!/bin/sh
# dispatch_call.sh CCW COUNTER.so KITCHEN.so NAMES.so EXPECTED_DIR
# `ccw call` and `ccw describe` against the test components: stdout,
# stderr and exit status of each case, compared with EXPECTED_DIR/<case>.
# With DISPATCH_CALL_REGEN=1 the outputs are written there instead (review
# the diff).
set -u
ccw=$1 counter=$2 kitchen=$3 names=$4 expected=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
# `ccw call --library` resolves a ProgID through a private registry in
# $TMPDIR; it must leave nothing behind (checked at the end).
TMPDIR="$work/tmp"
export TMPDIR
mkdir "$TMPDIR"

# check NAME STATUS ARGS...: run `ccw ARGS...` and compare with expected/NAME.
check() {
	name=$1 status=$2
	shift 2
	"$ccw" "$@" >"$work/out" 2>"$work/err"
	got=$?
	{ cat "$work/out"; printf -- '--- stderr\n'; cat "$work/err"; } >"$work/$name"
	if [ -n "${DISPATCH_CALL_REGEN:-}" ]; then
		cp "$work/$name" "$expected/$name"
	fi
	if [ "$got" != "$status" ]; then
		echo "FAIL $name: exit status $got, expected $status"; cat "$work/$name"; failed=1
	elif ! cmp -s "$work/$name" "$expected/$name"; then
		echo "FAIL $name: output differs"; diff -u "$expected/$name" "$work/$name"; failed=1
	fi
}

C="--library $counter Example.Counter"
K="--library $kitchen E2E.Kitchen"
N="--library $names E2E.Names"
check describe-counter 0 describe $C
check describe-kitchen 0 describe $K
check call-get 0 call $C Value
check call-bool 0 call $C IsZero
check call-void 0 call $C Add 5
check call-default 0 call $C Add
# Every kind of typed default, none given (and one given by name).
check call-default-typed 0 call $K Defaults
check call-default-typed-named 0 call $K Defaults y:=2
check call-named 0 call $C Add step:=3
check call-put 0 call $C Value --put 7
check call-clsid 0 call --library "$counter" '{8C5A3F1E-2B7D-4E10-9F6A-1D2C3B4A5E60}' Value
check call-two-ints 0 call $K Add 40 2
check call-coerce 0 call $K Add '40 ' 2.4
check call-mixed 0 call $K Mix 1 2 3 4 5 6 7 0.5
check call-unknown-member 1 call $C Nope
check call-unknown-param 1 call $C Add stp:=3
check call-type-mismatch 1 call $K Add 1 abc
check call-overflow 1 call $K Mix 1 300 3 4 5 6 7 0.5
check call-bad-count 1 call $K Add 1
check call-too-many 1 call $C Add 1 2
check call-put-method 1 call $C Add --put 1
check call-unknown-class 1 call --library "$counter" No.Such Value
check call-usage 2 call $C

# The coclass's other dual interfaces: named, or found by the member's name.
check call-interface 0 call $C INamed.Describe
check call-other-interface 0 call $C Describe
check call-default-interface 0 call $C icounter.value
check call-no-interface 1 call $C INope.Value
check call-interface-no-member 1 call $C INamed.Value
check call-ambiguous 1 call $N Side
check call-qualified 0 call $N IRight.Side
check call-bad-member 2 call $C a.b.c
# An exception: the library's EINVAL as E_INVALIDARG, with source and description.
check call-exception 1 call $C INamed.Name --put ""

# Several calls on one object.
check call-sequence 0 call $C Add 5 --then Add 2 --then Value
check call-sequence-interfaces 0 call $C INamed.Name --put Bob --then Add 3 --then Describe
check call-sequence-stops 1 call $C Value --then Nope --then Value
check call-sequence-empty 2 call $C Value --then

# Through the activation registry, as CoCreateInstance finds components.
CCW_REGISTRY="$work/registry.json"
export CCW_REGISTRY
if "$ccw" register "$counter" >/dev/null 2>&1; then
	check call-registry 0 call Example.Counter IsZero
	check call-registry-missing 1 call No.Such Value
else
	echo "FAIL: ccw register $counter"; failed=1
fi
# The class's threading= and version= reach the registry (CCW_CLASS options).
tab=$(printf '\t')
if ! "$ccw" register "$kitchen" >/dev/null 2>&1 ||
	! "$ccw" list | grep -q "E2E.Kitchen${tab}free${tab}1.2${tab}"; then
	echo "FAIL: E2E.Kitchen not registered as free-threaded, version 1.2:"; "$ccw" list
	failed=1
fi
if [ -n "$(ls -A "$TMPDIR")" ]; then
	echo "FAIL: ccw call left files in \$TMPDIR:"; ls -la "$TMPDIR"; failed=1
fi
exit $failed
