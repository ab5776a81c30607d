#!/bin/sh
# ccw_tool.sh CCW COMPONENT_DIR - the `ccw` command: register, unregister,
# list, exit codes and messages, a corrupt or insecure registry, and 32
# concurrent `ccw register` processes that lose no entry while readers
# always find a whole, valid file.  Uses a private $CCW_REGISTRY only.
set -u

# Absolute: one case runs from another directory.
ccw=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
components=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ccw-tool-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
export CCW_REGISTRY="$work/reg/registry.json"
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect STATUS TEXT COMMAND...: the command exits with STATUS and its
# output (stdout and stderr) contains TEXT.
expect() {
    status=$1 text=$2
    shift 2
    out=$("$@" 2>&1)
    got=$?
    [ "$got" -eq "$status" ] || fail "$*: exit $got, expected $status: $out"
    case $out in
    *"$text"*) ;;
    *) fail "$*: output lacks '$text': $out" ;;
    esac
}

count_classes() {
    "$ccw" list | wc -l | tr -d ' '
}

# ---- usage ----
expect 2 "usage: ccw" "$ccw"
expect 2 "unknown command 'frobnicate'" "$ccw" frobnicate
expect 2 "usage: ccw register PATH" "$ccw" register
expect 2 "usage: ccw list" "$ccw" list extra
expect 0 "unregister" "$ccw" --help

# ---- register, list, unregister ----
expect 0 "" "$ccw" register "$components/libcomponent_0.so"
line=$("$ccw" list)
case $line in
"{7A1D0C00-5E2B-4C3A-9F10-000000000000}	CcwTest.Widget0.1	free	1.0	$components/libcomponent_0.so	$CCW_REGISTRY") ;;
*) fail "list printed: $line" ;;
esac
[ "$(count_classes)" = 1 ] || fail "the noncreatable class was registered"

# A relative path is made absolute before loading.
(cd "$components" && "$ccw" register libcomponent_1.so) || fail "relative register"
"$ccw" list | grep -q "	$components/libcomponent_1.so	" || fail "relative path not stored absolute"

expect 0 "" "$ccw" unregister CcwTest.Widget0.1
expect 1 "not registered" "$ccw" unregister CcwTest.Widget0.1
expect 0 "" "$ccw" unregister "$components/libcomponent_1.so"
[ "$(count_classes)" = 0 ] || fail "unregister left classes"
expect 0 "" "$ccw" register "$components/libcomponent_2.so"
expect 0 "" "$ccw" unregister "{7a1d0c00-5e2b-4c3a-9f10-000000000002}"
[ "$(count_classes)" = 0 ] || fail "unregister by CLSID left the class"

# ---- refused components ----
expect 1 "$work/missing.so" "$ccw" register "$work/missing.so"
cp "$components/libcomponent_3.so" "$work/open.so"
chmod 0666 "$work/open.so"
expect 1 "writable by others" "$ccw" register "$work/open.so"
echo "not an ELF file" > "$work/text.so"
expect 1 "$work/text.so" "$ccw" register "$work/text.so"
expect 1 "no DllRegisterServer" "$ccw" register "$components/libnot_component.so"
[ "$(count_classes)" = 0 ] || fail "a refused component was registered"

# ---- corrupt and insecure registries: errors, never overwritten ----
printf '{ "format": 1, "classes": ' > "$CCW_REGISTRY"
cp "$CCW_REGISTRY" "$work/before"
expect 1 "$CCW_REGISTRY: corrupt" "$ccw" register "$components/libcomponent_4.so"
expect 1 "$CCW_REGISTRY: corrupt" "$ccw" list
expect 1 "$CCW_REGISTRY: corrupt" "$ccw" unregister CcwTest.Widget4.1
cmp -s "$CCW_REGISTRY" "$work/before" || fail "a corrupt registry was rewritten"
printf '{ "format": 1, "classes": {} }\n' > "$CCW_REGISTRY"
chmod 0666 "$CCW_REGISTRY"
expect 1 "writable by group or others" "$ccw" register "$components/libcomponent_4.so"
chmod 0644 "$CCW_REGISTRY"
chmod 0777 "$work/reg"
expect 1 "registry directory $work/reg: refused" "$ccw" list
chmod 0755 "$work/reg"
expect 1 "not an absolute path" env CCW_REGISTRY=relative.json "$ccw" list

# ---- 32 concurrent writers, with readers checking every state ----
reader() {
    while [ ! -e "$work/done" ]; do
        "$ccw" list > /dev/null 2> "$work/reader.err" || {
            cat "$work/reader.err" >&2
            echo x >> "$work/reader-failed"
        }
    done
}
for round in 1 2 3; do
    rm -f "$work/done"
    reader &
    reader_pid=$!
    pids=
    i=0
    while [ $i -lt 32 ]; do
        "$ccw" register "$components/libcomponent_$i.so" 2>> "$work/writers.err" &
        pids="$pids $!"
        i=$((i + 1))
    done
    for pid in $pids; do
        wait "$pid" || fail "round $round: a concurrent register failed: $(cat "$work/writers.err")"
    done
    [ "$(count_classes)" = 32 ] || fail "round $round: $(count_classes) of 32 classes registered"
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d["classes"]) == 32' \
        "$CCW_REGISTRY" || fail "round $round: the registry does not hold 32 classes"

    pids=
    i=0
    while [ $i -lt 32 ]; do
        "$ccw" unregister "$components/libcomponent_$i.so" 2>> "$work/writers.err" &
        pids="$pids $!"
        i=$((i + 1))
    done
    for pid in $pids; do
        wait "$pid" || fail "round $round: a concurrent unregister failed"
    done
    touch "$work/done"
    wait "$reader_pid"
    [ "$(count_classes)" = 0 ] || fail "round $round: $(count_classes) classes left"
done
[ ! -e "$work/reader-failed" ] || fail "a reader saw a broken registry $(wc -l < "$work/reader-failed") times"
ls -a "$work/reg" | grep -q '^\.registry\.json\.' && fail "temporary files left behind"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "ok"
