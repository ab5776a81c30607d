#!/bin/sh
# The Wine suite's harness: runs what tests/wine/build.sh built under Wine,
# in a private prefix inside the build directory (BINDIR/wineprefix, made by
# `wineboot -i` on first use and reused).
#
# usage: wine.sh WINE WINESERVER BINDIR SRCDIR TEST
#   registry  regsvr32 writes exactly the expected keys under HKCR (the whole
#             of HKCR is exported before and after) and `regsvr32 /u` removes
#             exactly those
#   client    wine_client.exe: LoadTypeLib of the widl-built type libraries
#             against the live objects, and INamed (tests/wine/client.c)
#   vbscript  cscript runs tests/wine/drive.vbs
#   jscript   cscript runs tests/wine/drive.js
#   zlib-vbscript, zlib-jscript   cscript runs tests/wine/zlib.vbs, zlib.js
#   bench     bench_wine_dispatch.exe (tests/bench/bench_wine_dispatch.c)
set -u

wine=$1 wineserver=$2 bin=$3 src=$4 test=$5

export WINEPREFIX="$bin/wineprefix"
export WINEDEBUG=-all
# No Mono or Gecko installer prompts; nothing here needs a display.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY

counter_clsid='{8C5A3F1E-2B7D-4E10-9F6A-1D2C3B4A5E60}'
arith_clsid='{622449D8-ACCC-4C11-85CE-A71A13C65F03}'
zlib_clsid='{7D1E3B52-6A4C-4F0E-9B1D-2C3E4F5A6B70}'

fail() {
	printf 'FAIL: %s\n' "$*"
	exit 1
}

# The Windows path of a Unix path (Wine maps Z: to /).
winpath() {
	printf 'Z:%s' "$1" | tr / '\134' # octal 134: a backslash
}

# Runs a Windows program: its output without carriage returns, its status.
# No Wine process gets this script's own stdout or stderr: the wineserver and
# the services a program starts outlive it, and would keep `meson test`
# waiting for the end of those pipes. Wine's messages go to wine.log.
run() {
	out=$(mktemp "$bin/output.XXXXXX")
	"$wine" "$@" </dev/null >"$out" 2>>"$bin/wine.log"
	status=$?
	# Status 127 with "Inconsistency detected by ld.so: dl-fini.c" in wine.log
	# is Wine's loader failing as a process exits, seen rarely on a loaded
	# machine; anything of ours that fails fails again, so one rerun is safe.
	if [ $status -eq 127 ]; then
		echo "wine.sh: exit status 127 from $*; running it once more" >>"$bin/wine.log"
		"$wine" "$@" </dev/null >"$out" 2>>"$bin/wine.log"
		status=$?
	fi
	tr -d '\r' <"$out"
	rm -f "$out"
	return $status
}

# The prefix, made once per build directory; concurrent runs wait for it.
# A wineserver that outlives each program by a minute serves the whole suite.
prepare_prefix() {
	(
		flock 9
		if [ ! -f "$WINEPREFIX/.ccw-ready" ]; then
			rm -rf "$WINEPREFIX"
			"$wine" wineboot -i </dev/null >"$bin/wineboot.log" 2>&1 ||
				{ cat "$bin/wineboot.log"; exit 1; }
			"$wineserver" -w </dev/null >/dev/null 2>&1
			touch "$WINEPREFIX/.ccw-ready"
		fi
	) 9>"$bin/wineprefix.lock" || fail "wineboot -i could not make $WINEPREFIX"
	"$wineserver" -p60 </dev/null >/dev/null 2>&1 || true
}

regsvr32() {
	run regsvr32 /s "$@" "$(winpath "$bin/counter.dll")" "$(winpath "$bin/arith.dll")" \
		"$(winpath "$bin/zlib.dll")" ||
		fail "regsvr32 $* counter.dll arith.dll zlib.dll: exit status $?"
}

# HKCR as sorted lines "[key] value", one per value (and one per key).
export_classes() {
	run reg export HKCR "$(winpath "$bin/$1.reg")" /y >/dev/null || fail "reg export HKCR"
	iconv -f UTF-16 -t UTF-8 "$bin/$1.reg" | tr -d '\r' |
		awk '/^\[/ { key = $0; print key; next } NF && key != "" { print key " " $0 }' |
		LC_ALL=C sort >"$bin/$1.txt"
}

# Registration adds exactly these to HKCR (.reg text: backslashes doubled).
expected_keys() {
	for class in "counter Counter Example.Counter $counter_clsid" \
		"arith Arith WineTest.Arith $arith_clsid" "zlib Codec ZLib.Codec $zlib_clsid"; do
		# shellcheck disable=SC2086 # the words of $class
		set -- $class
		dll=$(winpath "$bin/$1.dll" | sed 's/\\/\\\\/g')
		printf '%s\n' "[HKEY_CLASSES_ROOT\\CLSID\\$4]" \
			"[HKEY_CLASSES_ROOT\\CLSID\\$4] @=\"$2\"" \
			"[HKEY_CLASSES_ROOT\\CLSID\\$4\\InprocServer32]" \
			"[HKEY_CLASSES_ROOT\\CLSID\\$4\\InprocServer32] @=\"$dll\"" \
			"[HKEY_CLASSES_ROOT\\CLSID\\$4\\InprocServer32] \"ThreadingModel\"=\"Both\"" \
			"[HKEY_CLASSES_ROOT\\CLSID\\$4\\ProgID]" \
			"[HKEY_CLASSES_ROOT\\CLSID\\$4\\ProgID] @=\"$3\"" \
			"[HKEY_CLASSES_ROOT\\$3]" \
			"[HKEY_CLASSES_ROOT\\$3] @=\"$2\"" \
			"[HKEY_CLASSES_ROOT\\$3\\CLSID]" \
			"[HKEY_CLASSES_ROOT\\$3\\CLSID] @=\"$4\""
	done | LC_ALL=C sort
}

test_registry() {
	regsvr32 /u
	export_classes before
	regsvr32
	export_classes registered
	LC_ALL=C comm -23 "$bin/before.txt" "$bin/registered.txt" >"$bin/removed.txt"
	LC_ALL=C comm -13 "$bin/before.txt" "$bin/registered.txt" >"$bin/added.txt"
	expected_keys >"$bin/expected.txt"
	[ -s "$bin/removed.txt" ] && { cat "$bin/removed.txt"; fail "regsvr32 removed or changed these"; }
	diff -u "$bin/expected.txt" "$bin/added.txt" || fail "regsvr32 added other keys than expected"
	echo "ok: regsvr32 added exactly the $(wc -l <"$bin/added.txt") expected lines to HKCR"

	regsvr32 /u
	export_classes unregistered
	diff -u "$bin/before.txt" "$bin/unregistered.txt" ||
		fail "regsvr32 /u did not restore HKCR"
	echo "ok: regsvr32 /u removed exactly those"
	regsvr32 /u
	echo "ok: regsvr32 /u of unregistered components succeeds"
}

# Runs a Windows program and requires its last line to be the sentinel.
require_sentinel() {
	pattern=$1
	shift
	output=$(run "$@")
	status=$?
	printf '%s\n' "$output"
	[ "$status" -eq 0 ] || fail "$* exited with status $status"
	printf '%s\n' "$output" | tail -n 1 | grep -Eqx "$pattern" ||
		fail "$* did not print its sentinel line"
}

test_script() {
	script=$1
	regsvr32
	# The C runtime's texts for ERANGE and EINVAL, as the components raise them.
	erange=$(run "$bin/wine_client.exe" strerror 34) || fail "wine_client.exe strerror"
	einval=$(run "$bin/wine_client.exe" strerror 22) || fail "wine_client.exe strerror"
	require_sentinel "$script: all [0-9]+ checks passed" \
		cscript //nologo "$(winpath "$src/tests/wine/$script")" "$erange" "$einval"
}

# examples/zlib's ZLib.Codec, whose failures carry zlib's own messages.
test_zlib_script() {
	script=$1
	regsvr32
	require_sentinel "$script: all [0-9]+ checks passed" \
		cscript //nologo "$(winpath "$src/tests/wine/$script")"
}

prepare_prefix
case $test in
registry) test_registry ;;
client)
	regsvr32
	require_sentinel "wine_client: all checks passed" "$bin/wine_client.exe" check \
		"$(winpath "$bin/counter.tlb")" "$(winpath "$bin/arith.tlb")"
	;;
vbscript) test_script drive.vbs ;;
jscript) test_script drive.js ;;
zlib-vbscript) test_zlib_script zlib.vbs ;;
zlib-jscript) test_zlib_script zlib.js ;;
bench) run "$bin/bench_wine_dispatch.exe" "$(winpath "$bin/arith.tlb")" ;;
*) echo "usage: $0 WINE WINESERVER BINDIR SRCDIR registry|client|vbscript|jscript|zlib-vbscript|zlib-jscript|bench" >&2; exit 2 ;;
esac
