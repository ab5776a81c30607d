#!/bin/sh
# Builds a type library from generated IDL with Wine's widl (`widl -t`) and
# checks that it is one (an MSFT type library starts with "MSFT").
# Skipped (exit 77) only when no widl is installed (Debian: wine64-tools,
# which installs it as widl-stable and /usr/lib/wine/widl).
#
# usage: widl.sh FILE.idl
set -u
idl=$1
widl=
for candidate in widl widl-stable /usr/lib/wine/widl; do
	if command -v "$candidate" >/dev/null 2>&1; then
		widl=$candidate
		break
	fi
done
if [ -z "$widl" ]; then
	echo "SKIP: widl is not installed (Debian package wine64-tools)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$widl" -t -o "$tmp/out.tlb" "$idl" || { echo "FAIL: $widl -t rejected $idl"; exit 1; }
[ "$(head -c 4 "$tmp/out.tlb")" = "MSFT" ] || { echo "FAIL: $widl did not write a type library"; exit 1; }
echo "ok: $widl -t built a type library from $idl"
