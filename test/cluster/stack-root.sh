#!/bin/bash
# The cluster stack of another Debian release, for the lab (cluster.sh up with a
# suite): a root file system made with debootstrap, holding that release's own
# Pacemaker, Corosync, pcs, resource-agents and OpenSSH, which every node of a run
# then runs from (node-init.sh mounts it per node, copy-on-write). Roots are
# cached OUTSIDE the repository, one directory per suite and package list, so a
# second run finds it at once; building one takes about a minute and needs the
# Debian archive. bookworm, this machine's own release, needs no root: its nodes
# run the host's packages as they always did.
#
#   stack-root.sh path SUITE    print the root of SUITE, building it first if missing
#   stack-root.sh list          print the cached roots
#
# Settings: STASH_HA_ROOT_CACHE (default /var/cache/stash-ha/roots),
# STASH_HA_DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

cache=${STASH_HA_ROOT_CACHE:-/var/cache/stash-ha/roots}
mirror=${STASH_HA_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# What a node runs and what the lab's scripts, the agent and the Stash stand-in call
# on it: the cluster stack; sshd; ip for IPaddr2; curl for the Stash agent; python3
# for the stand-in; pidof, pkill and killall for the systemctl stand-in and pcs;
# xmllint for the agent's meta-data; sha256sum and mktemp (coreutils) for deploy-agent.
packages=(pacemaker pacemaker-cli-utils pcs corosync resource-agents openssh-server
	iproute2 curl python3 procps psmisc sysvinit-utils libxml2-utils)
# Bumped when the way a root is made changes, so an old cache entry is not reused.
recipe=1

die() {
	printf 'stack-root.sh: %s\n' "$*" >&2
	exit 1
}

log() {
	printf '[%s] stack-root: %s\n' "$(date +%T.%3N)" "$*" >&2
}

check_suite() {
	case $1 in
	bullseye | trixie) ;;
	bookworm) die "bookworm is this machine's own release: its nodes run the host's packages, no root needed" ;;
	*) die "unknown suite '$1': bullseye or trixie (bookworm is the host's own)" ;;
	esac
}

# The cache entry of a suite: its name carries a digest of the package list and the
# recipe, so changing either builds a new root beside the old one.
root_of() {
	local key
	key=$(printf '%s\n' "recipe=$recipe" "$1" "${packages[@]}" | sha256sum | cut -c1-12)
	echo "$cache/$1-$key"
}

# Runs COMMAND… inside ROOT in a mount namespace of its own, with /proc, /sys and
# /dev there only for as long as it runs: nothing is left mounted on the host.
in_root() {
	local root=$1
	shift
	# shellcheck disable=SC2016 # the inner shell expands them
	unshare --mount --propagation private -- /bin/bash -euo pipefail -c '
		root=$1; shift
		mount -t proc proc "$root/proc"
		mount --rbind /sys "$root/sys"
		mount --rbind /dev "$root/dev"
		exec chroot "$root" "$@"' in_root "$root" "$@"
}

build() {
	local suite=$1 root=$2 tmp started
	started=$(date +%s)
	tmp=$(mktemp -d "$cache/.build-$suite.XXXXXX")
	# A build cut short leaves only its own temporary directory, which this removes.
	trap 'rm -rf --one-file-system "$tmp" "$tmp.log"' EXIT
	log "building the $suite root in $tmp (debootstrap from $mirror)"
	debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >"$tmp.log" 2>&1 ||
		{ tail -n 30 "$tmp.log" >&2; die "debootstrap $suite failed (log above)"; }
	log "$suite base system in $(($(date +%s) - started)) s; installing ${packages[*]}"
	# Files every node mounts its own over must exist (debootstrap writes no /etc/hosts).
	touch "$tmp/etc/hosts" "$tmp/etc/hostname"
	# Package scripts must never start a daemon, inside the root or out of it.
	printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
	chmod 755 "$tmp/usr/sbin/policy-rc.d"
	printf 'deb %s %s main\n' "$mirror" "$suite" >"$tmp/etc/apt/sources.list"
	if ! in_root "$tmp" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get update -qq >>"$tmp.log" 2>&1 ||
		! in_root "$tmp" env DEBIAN_FRONTEND=noninteractive LC_ALL=C \
			apt-get install -y -qq --no-install-recommends "${packages[@]}" >>"$tmp.log" 2>&1; then
		tail -n 30 "$tmp.log" >&2
		die "installing the $suite packages failed (log above)"
	fi
	in_root "$tmp" apt-get clean
	# What the root holds, for people and for the tests' reports.
	# shellcheck disable=SC2016 # dpkg-query's own format
	in_root "$tmp" dpkg-query -W -f='${Package} ${Version}\n' pacemaker pcs corosync resource-agents openssh-server \
		>"$tmp/stash-ha-root.versions"
	rm -f "$tmp.log"
	# Ready only once complete: the rename is what another process waits for.
	mv -T "$tmp" "$root"
	trap - EXIT
	log "$suite root ready in $root after $(($(date +%s) - started)) s: $(tr '\n' ' ' <"$root/stash-ha-root.versions")"
}

cmd_path() {
	local suite=${1:?usage: stack-root.sh path SUITE} root
	check_suite "$suite"
	root=$(root_of "$suite")
	if [[ ! -d $root ]]; then
		((EUID == 0)) || die "must run as root to build the $suite root"
		command -v debootstrap >/dev/null || die "missing debootstrap (scripts/setup.sh installs it)"
		mkdir -p "$cache"
		# One build per suite at a time; whoever waited finds the root made.
		exec 9>"$cache/.$suite.lock"
		flock 9
		# What a build killed outright (no EXIT trap) left; no other build of this suite runs now.
		rm -rf --one-file-system "$cache/.build-$suite."*
		[[ -d $root ]] || build "$suite" "$root"
		exec 9>&-
	fi
	echo "$root"
}

cmd_list() {
	local root
	for root in "$cache"/*/; do
		[[ -f $root/stash-ha-root.versions ]] || continue
		printf '%s: %s\n' "${root%/}" "$(tr '\n' ' ' <"$root/stash-ha-root.versions")"
	done
}

case ${1:-} in
path)
	shift
	cmd_path "$@"
	;;
list) cmd_list ;;
*) die "usage: $0 path SUITE | list" ;;
esac
