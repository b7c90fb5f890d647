#!/usr/bin/env bash
# Installs the Debian packages skaz needs to build and test, when missing.
# Uses sudo when not root. Safe to run again: it installs nothing when all is
# there. SKAZ_EXTRA_PACKAGES adds more (CI uses it for optional tools).
set -euo pipefail

packages=(
  cmake make g++ pkg-config
  libboost-locale-dev libicu-dev libutf8proc-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-venv python3-setuptools python3-wheel
)
# shellcheck disable=SC2206
packages+=(${SKAZ_EXTRA_PACKAGES:-})

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: not a Debian-like system; install these yourself: ${packages[*]}" >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
