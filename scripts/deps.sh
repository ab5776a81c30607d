#!/bin/sh
# Installs the Debian packages that building and testing ccwgen need.
# As root it runs apt-get; otherwise it prints the exact command to run.
# Usage: scripts/deps.sh [build|test|ci]   (each level includes the one before)
set -eu

level=${1:-build}

packages="gcc g++ make pkg-config meson ninja-build clang libclang-dev llvm-dev libcjson-dev
  zlib1g-dev"
# For the suites: cmocka, valgrind; mingw-w64 to compare com.h with Windows'
# headers and build the Windows DLLs (mingw-w64-tools: the cross file's
# x86_64-w64-mingw32-pkg-config); Wine (cscript, regsvr32, widl; `wine`: the
# cross file's exe_wrapper on PATH) and Mono as the real clients nobody here
# wrote; zlib for Windows, as examples/zlib wraps the system's zlib
# (zlib1g-dev above).
test_packages="libcmocka-dev libclang-rt-dev valgrind gcc-mingw-w64-x86-64 mingw-w64-tools wine wine64
  wine64-tools mono-mcs mono-runtime libz-mingw-w64-dev"
case $level in
  build) ;;
  test|ci) packages="$packages $test_packages" ;;
  *) echo "usage: $0 [build|test|ci]" >&2; exit 2 ;;
esac

missing=
for p in $packages; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "ccwgen needs these Debian packages; run as root:" >&2
  echo "  apt-get install -y$missing" >&2
  exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing
