#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root) for building and testing Stash HA:
# the Debian packages the tests drive for real (Pacemaker, Corosync, pcs, the
# ClusterLabs agents and ocf-tester, OpenSSH, shellcheck, xmllint), then the npm
# packages from package-lock.json. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  pacemaker pacemaker-cli-utils pcs corosync resource-agents
  libxml2-utils openssh-server openssh-client shellcheck curl iproute2 procps psmisc sudo python3 util-linux dash
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
