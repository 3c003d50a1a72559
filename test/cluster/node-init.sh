#!/bin/bash
# PID 1 of one lab node: runs inside the node's own network, mount, uts and pid
# namespaces (cluster.sh starts it through `ip netns exec … unshare …`). It lays
# the node's private disk over the system paths the cluster stack writes, starts
# sshd, corosync and pacemaker as a booting machine would, then reaps orphans
# until the host kills it, which powers the whole node off at once.
#
# Usage: node-init.sh NODE NODE_DIR RUN_DIR
set -euo pipefail

node=$1 dir=$2 run=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

hostname "$node"

# These scripts may live under a path the node covers below (a checkout in /tmp or
# /root): keep what is needed after the mounts in the node's own /mnt first.
mount -t tmpfs -o mode=755,size=1m tmpfs /mnt
install -m 755 "$here/systemctl.sh" /mnt/systemctl.sh

mount -t tmpfs -o mode=755,size=64m tmpfs /run
mount -t tmpfs -o mode=1777,size=256m tmpfs /dev/shm
mount -t tmpfs -o mode=1777,size=64m tmpfs /tmp
mkdir -p /run/sshd /run/lock
install -d -m 1755 /run/resource-agents
install -d -o hacluster -g haclient -m 750 /run/crm

for path in etc/corosync var/lib/corosync var/log/corosync var/lib/pacemaker \
	var/log/pacemaker var/lib/pcsd root; do
	mount --bind "$dir/disk/$path" "/$path"
done
for file in hosts hostname passwd group shadow; do
	mount --bind "$dir/disk/etc/$file" "/etc/$file"
done

# Agents copied to this node land in its own upper layer only.
mount -t overlay overlay \
	-o "lowerdir=/usr/lib/ocf/resource.d,upperdir=$dir/ocf/upper,workdir=$dir/ocf/work" \
	/usr/lib/ocf/resource.d

# /srv is the node's own (a tmpfs, so nothing is created on the host's disk):
# /srv/shared is storage every node sees, as a shared file system would be;
# /srv/stash is this node's Stash installation.
mount -t tmpfs -o mode=755,size=16m tmpfs /srv
mkdir /srv/shared /srv/stash
mount --bind "$run/shared" /srv/shared
mount --bind "$dir/disk/srv/stash" /srv/stash

# No systemd runs here, but where its package is installed pcs sees its unit
# directories and drives the services through systemctl: this stand-in.
if [[ -e /usr/bin/systemctl ]]; then
	mount --bind /mnt/systemctl.sh /usr/bin/systemctl
fi

/usr/sbin/sshd -f "$dir/ssh/sshd_config" -E "$dir/log/sshd.log"
/mnt/systemctl.sh start pacemaker

echo "node $node booted"

# As PID 1, reap every orphan until the host powers the node off.
trap '' TERM INT HUP
while :; do
	sleep 3600 &
	wait $! || true
done
