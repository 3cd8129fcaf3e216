#!/usr/bin/env bash
# Install the Debian/Ubuntu packages given as arguments, if any is missing; with nothing missing
# it does nothing (and needs no network). Debian ships Python without venv/ensurepip: when
# "$PYTHON -m venv" cannot work, python3-venv is added to the list.
# As root it installs with apt-get; as another user with sudo, through sudo; without sudo it says
# the exact command to run as root and stops.
# Elsewhere (macOS, Windows, other Linux) it only says what it could not check.
set -euo pipefail
PYTHON=${PYTHON:-python3}
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: make sure Qt's libraries and poppler-utils are installed." >&2
  exit 0
fi
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# ensurepip is what `python3 -m venv` needs and what Debian's python3 lacks without python3-venv.
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=("python3-venv")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  {
    echo "These system packages are missing: ${missing[*]}"
    echo "Install them as root (there is no sudo here), then run make again:"
    echo "    apt-get update && $command"
  } >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
