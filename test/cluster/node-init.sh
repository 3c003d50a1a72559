#!/bin/bash
# PID 1 of one lab node: runs inside the node's own network, mount, uts and pid
# namespaces (cluster.sh starts it through `ip netns exec … unshare …`). It lays
# the node's private disk over the system paths the cluster stack writes, starts
# sshd, corosync and pacemaker as a booting machine would, then reaps orphans
# until the host kills it, which powers the whole node off at once.
#
# With ROOT (a suite's cached root file system, stack-root.sh), the node's system
# is that root instead of the host's: a copy-on-write overlay of it, private to
# the node, with its own /proc, /sys and /dev; the same private mounts are laid
# into it, and sshd and the cluster stack run chrooted there, so everything a
# login reaches is that release's. Without ROOT the node uses the host's system,
# as it always did.
#
# Usage: node-init.sh NODE NODE_DIR RUN_DIR [ROOT]
set -euo pipefail

node=$1 dir=$2 run=$3 root=${4:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

hostname "$node"

# The node's system: "" is the host's own; else the node's overlay of the root.
sys=""
if [[ -n $root ]]; then
	sys=$dir/system
	mkdir -p "$sys" "$dir/system-upper" "$dir/system-work"
	mount -t overlay overlay -o "lowerdir=$root,upperdir=$dir/system-upper,workdir=$dir/system-work" "$sys"
	mount -t proc proc "$sys/proc"
	mount --rbind /sys "$sys/sys"
	mount --rbind /dev "$sys/dev"
	# The run directory at the same path inside, for sshd's config, keys and logs.
	mkdir -p "$sys$run"
	mount --bind "$run" "$sys$run"
fi

# Runs a command in the node's system.
in_system() {
	if [[ -z $sys ]]; then
		"$@"
	else
		chroot "$sys" "$@"
	fi
}

# These scripts may live under a path the node covers below (a checkout in /tmp or
# /root): keep what is needed after the mounts in the node's own /mnt first.
mount -t tmpfs -o mode=755,size=1m tmpfs "$sys/mnt"
install -m 755 "$here/systemctl.sh" "$sys/mnt/systemctl.sh"

mount -t tmpfs -o mode=755,size=64m tmpfs "$sys/run"
mount -t tmpfs -o mode=1777,size=256m tmpfs "$sys/dev/shm"
mount -t tmpfs -o mode=1777,size=64m tmpfs "$sys/tmp"
mkdir -p "$sys/run/sshd" "$sys/run/lock"
install -d -m 1755 "$sys/run/resource-agents"
install -d -o "$(stat -c %u "$dir/disk/var/lib/pacemaker/cib")" -g "$(stat -c %g "$dir/disk/var/lib/pacemaker/cib")" \
	-m 750 "$sys/run/crm"

for path in etc/corosync var/lib/corosync var/log/corosync var/lib/pacemaker \
	var/log/pacemaker var/lib/pcsd root; do
	mount --bind "$dir/disk/$path" "$sys/$path"
done
for file in hosts hostname passwd group shadow; do
	mount --bind "$dir/disk/etc/$file" "$sys/etc/$file"
done

# Agents copied to this node land in its own upper layer only.
mount -t overlay overlay \
	-o "lowerdir=$sys/usr/lib/ocf/resource.d,upperdir=$dir/ocf/upper,workdir=$dir/ocf/work" \
	"$sys/usr/lib/ocf/resource.d"

# /srv is the node's own (a tmpfs, so nothing is created on the host's disk):
# /srv/shared is storage every node sees, as a shared file system would be;
# /srv/stash is this node's Stash installation.
mount -t tmpfs -o mode=755,size=16m tmpfs "$sys/srv"
mkdir "$sys/srv/shared" "$sys/srv/stash"
mount --bind "$run/shared" "$sys/srv/shared"
mount --bind "$dir/disk/srv/stash" "$sys/srv/stash"

# No systemd runs here, but where its package is installed pcs sees its unit
# directories and drives the services through systemctl: this stand-in.
if [[ -e $sys/usr/bin/systemctl ]]; then
	mount --bind "$sys/mnt/systemctl.sh" "$sys/usr/bin/systemctl"
fi

in_system /usr/sbin/sshd -f "$dir/ssh/sshd_config" -E "$dir/log/sshd.log"
in_system /mnt/systemctl.sh start pacemaker

echo "node $node booted${root:+ from $root}"

# As PID 1, reap every orphan until the host powers the node off.
trap '' TERM INT HUP
while :; do
	sleep 3600 &
	wait $! || true
done
