#!/bin/sh
# Runs the C# client of examples/counter under Mono: Mono's runtime callable
# wrapper drives the generated component on Linux. Skipped (exit 77) only when
# mcs or mono is missing (Debian: mono-mcs, mono-runtime).
#
# Mono's Marshal.GetExceptionForHR reads the thread's IErrorInfo through a
# P/Invoke of GetErrorInfo in "oleaut32.dll", which Linux does not have; a
# dllmap to libccw (which exports GetErrorInfo) gives COMException its text.
#
# usage: mono.sh CLIENT.cs COMPONENT_DIR LIBCCW
set -u
client=$1
component_dir=$2
libccw=$3
case $libccw in
/*) ;;
*) libccw=$(pwd)/$libccw ;;
esac
for tool in mcs mono; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (Debian packages mono-mcs, mono-runtime)"
		exit 77
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mcs -nologo -out:"$tmp/client.exe" "$client" || exit 1
config=/etc/mono/config
[ -f "$config" ] || config=$(dirname "$(command -v mono)")/../etc/mono/config
sed "s#</configuration>#<dllmap dll=\"i:oleaut32.dll\" target=\"$libccw\" os=\"!windows\"/></configuration>#" \
	"$config" >"$tmp/mono.config" || exit 1
# Mono finds counter_component as libcounter_component.so on the library path.
MONO_CONFIG="$tmp/mono.config" \
LD_LIBRARY_PATH="$component_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" mono "$tmp/client.exe"
