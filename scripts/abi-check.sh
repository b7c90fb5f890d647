#!/usr/bin/env bash
# The ABI of libskaz against the committed baseline abi/libskaz.abi (abidw of
# a -g -Og build, preset "abi"): exit 1 when abidiff reports any change but
# added functions (removed or changed symbols, changed types or layouts).
#   scripts/abi-check.sh            check
#   scripts/abi-check.sh --update   write a new baseline (after an intended,
#                                   SOVERSION-bumping break, or new functions)
set -euo pipefail
cd "$(dirname "$0")/.."
SKAZ_EXTRA_PACKAGES=abigail-tools scripts/install-deps.sh
cmake --preset abi > /dev/null
cmake --build build-abi -j"${JOBS:-2}" --target skaz > /dev/null
lib=$(readlink -f build-abi/libskaz.so)
if [ "${1:-}" = "--update" ]; then
  abidw --headers-dir capi/include --drop-private-types --no-corpus-path --out-file abi/libskaz.abi "$lib"
  echo "abi-check: baseline written to abi/libskaz.abi"
  exit 0
fi
set +e
# added functions are compatible; any other change (a symbol removed, a
# struct's layout or a signature changed) breaks programs built before it
abidiff --no-added-syms --headers-dir1 capi/include --headers-dir2 capi/include \
  abi/libskaz.abi "$lib"
rc=$?
set -e
# abidiff's status is a bit field: 1 error, 2 usage, 4 ABI change, 8 incompatible change
if (( rc & 3 )); then echo "abi-check: abidiff failed (status $rc)" >&2; exit 1; fi
if (( rc & 12 )); then echo "abi-check: libskaz's ABI changed incompatibly (abidiff status $rc)" >&2; exit 1; fi
echo "abi-check: libskaz is compatible with abi/libskaz.abi (abidiff status $rc)"
