# shellcheck shell=bash
# build-aux/common.sh — what build-aux/run and build-aux/test share: packages and the build folder
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced, not run. Expects the current folder to be the source root.

TRELLIS_PACKAGES_FILE=build-aux/packages.txt

# Prints the packages of the named sections of packages.txt, one a line.
trellis_packages() {
  local wanted=" $* "
  awk -v wanted="$wanted" '
    /^[[:space:]]*(#|$)/ { next }
    /^\[.*\]$/ { section = substr($0, 2, length($0) - 2); next }
    index(wanted, " " section " ") { print $1 }
  ' "$TRELLIS_PACKAGES_FILE"
}

trellis_is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# Installs the missing packages of the named sections with apt-get when root; otherwise prints
# the command that would and exits 1.
trellis_ensure_packages() {
  local missing=() package

  if ! command -v dpkg-query >/dev/null; then
    echo "This script installs Debian packages and needs a Debian 12 system (dpkg-query is missing)." >&2
    exit 1
  fi
  while read -r package; do
    trellis_is_installed "$package" || missing+=("$package")
  done < <(trellis_packages "$@")
  ((${#missing[@]} == 0)) && return 0

  if ((EUID != 0)); then
    echo "Trellis needs these Debian packages, which are not installed: ${missing[*]}" >&2
    echo "Install them, then run this script again:" >&2
    echo "sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
}

# Configures a build folder, or reconfigures it when it exists, with the given meson options.
trellis_configure() {
  local dir=$1
  shift
  if [[ -f "$dir/meson-private/coredata.dat" ]]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

# Builds a configured folder; TRELLIS_JOBS limits the parallel jobs on a shared machine.
trellis_build() {
  ninja -C "$1" ${TRELLIS_JOBS:+-j "$TRELLIS_JOBS"}
}
