# shellcheck shell=bash disable=SC2034 # the settings are for the scripts that source this
# Settings and helpers shared by the lab cluster scripts (cluster.sh and
# capture-fixtures.sh). Sourced, never run. Everything a run creates is named
# from these settings, so `down` can find it again from the names alone.

cluster_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cluster_repo=$(cd "$cluster_here/../.." && pwd)

# Where keys, ssh_config, node disks and logs live for one run.
# Outside the repository on purpose: a checkout may sit under /tmp, /root or /srv,
# which every node covers with its own, and a node must still reach its run dir.
lab_root=${STASH_HA_LAB_ROOT:-/var/tmp/stash-ha-lab}
run_dir=${STASH_HA_CLUSTER_DIR:-$lab_root/cluster}
# Prefix of every namespace and host link this run creates.
prefix=${STASH_HA_CLUSTER_PREFIX:-shc}
# First three octets of the private /24 the nodes live in; .1 is the host.
net=${STASH_HA_CLUSTER_NET:-10.213.87}
cluster_name=${STASH_HA_CLUSTER_NAME:-stashlab}
# The Debian release whose cluster stack the nodes run: bookworm (this machine's own
# packages, as always) or bullseye / trixie (a cached root file system, stack-root.sh).
# `up` records it; later verbs read it back from the run (run_root).
suite=${STASH_HA_CLUSTER_SUITE:-bookworm}

host_addr="$net.1"
vip_addr="$net.100"
hub_ns="$prefix-hub"
host_link="$prefix-host"
state_dir="$run_dir/state"
ssh_dir="$run_dir/ssh"
ssh_config="$ssh_dir/ssh_config"
marker="$run_dir/.stash-ha-cluster"

die() {
	printf '%s: %s\n' "${0##*/}" "$*" >&2
	exit 1
}

log() {
	printf '[%s] %s\n' "$(date +%T.%3N)" "$*" >&2
}

# Seconds since the epoch, with milliseconds.
now() {
	date +%s.%3N
}

elapsed_since() {
	awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'
}

check_settings() {
	[[ $run_dir == /* ]] || die "STASH_HA_CLUSTER_DIR must be absolute: $run_dir"
	# The run dir ends up in overlayfs mount options (split on , and :) and in
	# ssh_config (split on blanks, quotes and #, expanding %).
	[[ $run_dir != *[[:space:],:\\%\"\'#]* ]] ||
		die "STASH_HA_CLUSTER_DIR must not hold blanks or any of , : \\ % \" ' #: $run_dir"
	local covered
	for covered in /tmp /run /dev/shm /srv /root /etc /usr/lib/ocf /var/lib/corosync /var/lib/pacemaker \
		/var/lib/pcsd /var/log/corosync /var/log/pacemaker; do
		[[ $run_dir != "$covered" && $run_dir != "$covered"/* ]] ||
			die "STASH_HA_CLUSTER_DIR must not lie under $covered, which every node mounts its own over: $run_dir"
	done
	[[ $prefix =~ ^[a-z][a-z0-9]{0,5}$ ]] || die "STASH_HA_CLUSTER_PREFIX must be 1-6 lower-case letters or digits: $prefix"
	[[ $net =~ ^(10|172|192)\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "STASH_HA_CLUSTER_NET must be three octets of a private range: $net"
	[[ $cluster_name =~ ^[A-Za-z][A-Za-z0-9_-]{0,31}$ ]] || die "bad STASH_HA_CLUSTER_NAME: $cluster_name"
	[[ $suite =~ ^(bookworm|bullseye|trixie)$ ]] || die "STASH_HA_CLUSTER_SUITE must be bookworm, bullseye or trixie: $suite"
}

# The root file system the nodes of this run live in: empty for the host's own
# (bookworm), else the cached root of the run's suite, recorded by `up`.
run_root() {
	if [[ -f $state_dir/root ]]; then
		cat "$state_dir/root"
	fi
}

# node_name 1 → node01
node_name() {
	printf 'node%02d' "$1"
}

# node_index node01 → 1; dies on anything that is not a node name.
node_index() {
	[[ $1 =~ ^node([0-9]{2})$ ]] || die "not a node name: $1"
	echo $((10#${BASH_REMATCH[1]}))
}

node_addr() {
	echo "$net.$((10 + $1))"
}

node_ns() {
	echo "$prefix-$(node_name "$1")"
}

node_dir() {
	echo "$run_dir/nodes/$(node_name "$1")"
}

# How many nodes the current run was brought up with (0 when none).
node_count() {
	if [[ -f $state_dir/nodes ]]; then
		cat "$state_dir/nodes"
	else
		echo 0
	fi
}

ns_exists() {
	[[ -e /run/netns/$1 ]]
}

# The recorded host PID of a node's `unshare`, if that process is still the one
# we started (its command line names our node-init script and the node's dir).
node_pid() {
	local file pid cmdline
	file="$state_dir/$(node_name "$1").pid"
	[[ -f $file ]] || return 1
	pid=$(<"$file")
	[[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
	cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
	[[ $cmdline == *unshare*"$cluster_here/node-init.sh"*"$(node_dir "$1")"* ]] || return 1
	echo "$pid"
}

# Host PID of the node's init (PID 1 inside its pid namespace).
node_init_pid() {
	local pid child
	pid=$(node_pid "$1") || return 1
	child=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null) || return 1
	child=${child%% *}
	[[ -n $child ]] || return 1
	echo "$child"
}

ssh_node() {
	ssh -F "$ssh_config" -o BatchMode=yes -o ConnectTimeout=3 "$@"
}

# wait_until SECONDS WHAT COMMAND...: runs COMMAND until it succeeds or the
# deadline passes.
wait_until() {
	local deadline=$(($(date +%s) + $1)) what=$2
	shift 2
	until "$@"; do
		(($(date +%s) < deadline)) || {
			log "timed out waiting for $what"
			return 1
		}
		sleep 0.3
	done
}
