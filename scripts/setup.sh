#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root) for building and testing Stash HA:
# the Debian packages the tests drive for real (Pacemaker, Corosync, pcs, the
# ClusterLabs agents and ocf-tester, OpenSSH, shellcheck, xmllint), then the npm
# packages from package-lock.json, then the real VS Code the UI tests run in
# (scripts/setup-vscode.sh: code-server on Node 24 and Chromium, cached outside the
# repository). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js 20 or later and npm come first: the build and every test need them, and
# Debian 12's own nodejs package is Node 18, so apt-get cannot be the answer here.
node_problem=""
if ! command -v node >/dev/null 2>&1; then
  node_problem="Node.js is not installed."
elif ! node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || [ "$node_major" -lt 20 ]; then
  node_problem="Node.js $(node --version 2>/dev/null || echo '(unknown version)') is too old."
fi
if ! command -v npm >/dev/null 2>&1; then
  node_problem="${node_problem:+$node_problem }npm is not installed."
fi
if [ -n "$node_problem" ]; then
  cat >&2 <<EOF
setup: $node_problem
setup: Stash HA needs Node.js 20 or later, with npm. On Debian 12, 'apt-get install nodejs npm'
setup: gives Node 18, which is too old. Install Node.js 20 or later from https://nodejs.org/
setup: or the NodeSource packages for Debian,
setup: make sure 'node' and 'npm' are on PATH, then run this script again.
EOF
  exit 1
fi

# debootstrap builds the root file systems of the other Debian releases whose cluster
# stacks the lab also runs (test/cluster/stack-root.sh, built on first use and cached).
APT_PACKAGES=(
  pacemaker pacemaker-cli-utils pcs corosync resource-agents
  libxml2-utils openssh-server openssh-client shellcheck curl iproute2 procps psmisc sudo python3 util-linux dash
  debootstrap
)

# shellcheck source=scripts/apt-install.sh
. scripts/apt-install.sh
apt_install setup "${APT_PACKAGES[@]}"

# The unprivileged account the sshd tests log in as (test/remote/testSshd.ts,
# THROWAWAY_USER), made here once: made during a test run, it would rewrite
# /etc/passwd, which detaches the lab nodes' own passwd mounted over that file.
if ! getent passwd stashhatest >/dev/null; then
  if getent group stashhatest >/dev/null; then group=(--gid stashhatest); else group=(--user-group); fi
  useradd --system --shell /bin/sh --home-dir /nonexistent --no-create-home "${group[@]}" stashhatest
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash scripts/setup-vscode.sh
