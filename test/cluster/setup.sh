# shellcheck shell=bash disable=SC2154 # the settings come from lib.sh
# What `cluster.sh up` lays down before any node boots: the run directory
# (client key, known_hosts, ssh_config, one private disk per node with
# corosync.conf, a seeded CIB, host keys and sshd_config) and the network
# (hub bridge, host link, one veth per node). Sourced by cluster.sh.

check_host() {
	local tool
	((EUID == 0)) || die "must run as root (namespaces, mounts)"
	for tool in ip unshare nsenter setsid ssh ssh-keygen xmllint; do
		command -v "$tool" >/dev/null || die "missing $tool: see README.md for the packages"
	done
	# What the nodes run comes from the host, or from the suite's root.
	for tool in corosync pacemakerd pcs crm_mon sshd pidof; do
		in_node_root command -v "$tool" >/dev/null || die "missing $tool${node_root:+ in $node_root}: see README.md for the packages"
	done
	[[ -d $node_root/usr/lib/ocf/resource.d/heartbeat ]] || die "missing resource-agents${node_root:+ in $node_root}"
	# What node-init.sh mounts over must exist.
	for path in /etc/corosync /var/lib/corosync /var/log/corosync /var/lib/pacemaker \
		/var/log/pacemaker /var/lib/pcsd /root /srv /tmp /dev/shm /run \
		/etc/hosts /etc/hostname /etc/passwd /etc/group /etc/shadow; do
		[[ -e $node_root$path ]] || die "missing $node_root$path, which each node mounts its own over"
	done
	account passwd hacluster >/dev/null || die "missing user hacluster (package pacemaker)${node_root:+ in $node_root}"
}

# The root the nodes run in: empty for the host's own packages (bookworm), else a
# suite's cached root (stack-root.sh), set by cluster.sh before anything is written.
node_root=${node_root:-}

# Runs a command as the nodes see it: on the host, or inside the suite's root.
in_node_root() {
	if [[ -z $node_root ]]; then
		"$@"
	else
		chroot "$node_root" /bin/sh -c '"$@"' sh "$@"
	fi
}

# account passwd|group NAME-OR-ID: the entry the nodes know (the host's NSS for the
# host's own packages; the root's files for a suite's root, whose ids differ).
account() {
	if [[ -z $node_root ]]; then
		getent "$1" "$2"
	else
		awk -F: -v k="$2" '$1 == k || $3 == k { print; found = 1; exit } END { exit !found }' "$node_root/etc/$1"
	fi
}

# The numeric id (field 3) of an account the nodes know.
account_id() {
	account "$1" "$2" | cut -d: -f3
}

# The options every node's sshd runs with; host keys are the node's own.
write_sshd_config() {
	local dir=$1 addr=$2
	cat >"$dir/ssh/sshd_config" <<EOF
ListenAddress $addr
Port 22
HostKey $dir/ssh/ssh_host_ed25519_key
PidFile /run/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
UsePAM no
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
AcceptEnv LANG LC_*
MaxStartups 64:30:128
MaxSessions 64
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
}

write_corosync_conf() {
	local file=$1 count=$2 i
	{
		cat <<EOF
totem {
    version: 2
    cluster_name: $cluster_name
    transport: knet
    token: 1000
    crypto_cipher: aes256
    crypto_hash: sha256
}

nodelist {
EOF
		for ((i = 1; i <= count; i++)); do
			printf '    node {\n        ring0_addr: %s\n        name: %s\n        nodeid: %d\n    }\n' \
				"$(node_addr "$i")" "$(node_name "$i")" "$i"
		done
		printf '}\n\nquorum {\n    provider: corosync_votequorum\n'
		((count != 2)) || printf '    two_node: 1\n'
		cat <<EOF
}

logging {
    to_logfile: yes
    logfile: /var/log/corosync/corosync.log
    to_syslog: no
    timestamp: on
}
EOF
	} >"$file"
}

# A CIB that starts the cluster in seconds: no fencing devices to wait for, a
# short DC election wait, resources that stay where they run. The host's own
# stack gets the CIB it always did; another suite's root the newest schema that
# release ships (Pacemaker 2.0.5 knows no pacemaker-3.9, and 3.0 needs one named),
# and no feature set, which its controller fills in.
write_cib() {
	local head='<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">' schema
	if [[ -n $node_root ]]; then
		schema=$(find "$node_root/usr/share/pacemaker" -maxdepth 1 -name 'pacemaker-[0-9]*.rng' -printf '%f\n' |
			sed 's/\.rng$//' | sort -V | tail -n 1)
		[[ -n $schema ]] || die "no CIB schema in $node_root/usr/share/pacemaker"
		head="<cib validate-with=\"$schema\" epoch=\"1\" num_updates=\"0\" admin_epoch=\"0\">"
	fi
	{
		echo "$head"
		cat <<'EOF'
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="false"/>
        <nvpair id="cib-bootstrap-options-dc-deadtime" name="dc-deadtime" value="5s"/>
      </cluster_property_set>
    </crm_config>
    <nodes/>
    <resources/>
    <constraints/>
    <rsc_defaults>
      <meta_attributes id="rsc_defaults-meta_attributes">
        <nvpair id="rsc_defaults-meta_attributes-resource-stickiness" name="resource-stickiness" value="1"/>
      </meta_attributes>
    </rsc_defaults>
  </configuration>
  <status/>
</cib>
EOF
	} >"$1"
}

# The account Stash runs as. It is added to each node's own copy of the
# account files, never to the host's, with the same uid everywhere as a shared
# home needs.
stash_user=stash
stash_uid=7990

write_accounts() {
	local etc=$1
	cp "$node_root/etc/passwd" "$node_root/etc/group" "$etc/"
	install -m 640 -g "$(account_id group shadow)" "$node_root/etc/shadow" "$etc/shadow"
	account passwd "$stash_user" >/dev/null && return 0
	! account passwd "$stash_uid" >/dev/null || die "uid $stash_uid is taken${node_root:+ in $node_root}"
	echo "$stash_user:x:$stash_uid:$stash_uid:Stash stand-in:/srv/shared/stash-home:/bin/sh" >>"$etc/passwd"
	echo "$stash_user:x:$stash_uid:" >>"$etc/group"
	echo "$stash_user:!:20000:0:99999:7:::" >>"$etc/shadow"
}

# The Stash stand-in (test/stash-standin) as the node's own installation at
# /srv/stash; its work/ is where the start script records the pid.
install_stash() {
	local target=$1/srv/stash standin=$cluster_repo/test/stash-standin
	[[ -x $standin/bin/start-stash.sh ]] || {
		log "no Stash stand-in in $standin"
		return 0
	}
	cp -r "$standin/bin" "$standin/lib" "$target/"
	install -d -o "$stash_uid" -g "$stash_uid" -m 755 "$target/work"
}

# Stash's home on the storage every node shares: answers on every address (so
# the VIP reaches it from the host) and is up a second after it starts.
write_stash_home() {
	local home=$run_dir/shared/stash-home
	install -d -o "$stash_uid" -g "$stash_uid" -m 755 "$home" "$home/standin-control"
	printf 'address=0.0.0.0\nport=7990\nstarting_seconds=1\n' >"$home/standin.conf"
}

write_node() {
	local i=$1 count=$2 dir disk addr name
	dir=$(node_dir "$i")
	disk=$dir/disk
	addr=$(node_addr "$i")
	name=$(node_name "$i")
	mkdir -p "$dir/log" "$dir/ssh" "$dir/ocf/upper/heartbeat" "$dir/ocf/work" \
		"$disk/etc" "$disk/var/lib/corosync" "$disk/var/log/corosync" "$disk/srv/stash"
	install -d -m 700 "$disk/root" "$disk/root/.ssh" "$disk/var/lib/pcsd"
	install -d -m 755 "$disk/etc/corosync"
	install -d -o root -g root -m 755 "$disk/var/lib/pacemaker"
	install -d -o "$ha_uid" -g "$ha_gid" -m 750 "$disk/var/lib/pacemaker/"{cib,pengine,blackbox,cores}
	install -d -o "$ha_uid" -g "$ha_gid" -m 770 "$disk/var/log/pacemaker"

	write_corosync_conf "$disk/etc/corosync/corosync.conf" "$count"
	install -m 400 "$run_dir/authkey" "$disk/etc/corosync/authkey"
	write_cib "$disk/var/lib/pacemaker/cib/cib.xml"
	chown "$ha_uid:$ha_gid" "$disk/var/lib/pacemaker/cib/cib.xml"
	chmod 600 "$disk/var/lib/pacemaker/cib/cib.xml"
	cp "$run_dir/hosts" "$disk/etc/hosts"
	write_accounts "$disk/etc"
	echo "$name" >"$disk/etc/hostname"
	install -m 600 "$ssh_dir/id_ed25519.pub" "$disk/root/.ssh/authorized_keys"

	ssh-keygen -q -t ed25519 -N '' -C "root@$name" -f "$dir/ssh/ssh_host_ed25519_key"
	write_sshd_config "$dir" "$addr"
	printf '%s,%s %s\n' "$name" "$addr" "$(cut -d' ' -f1-2 "$dir/ssh/ssh_host_ed25519_key.pub")" \
		>>"$ssh_dir/known_hosts"

	if [[ -f $cluster_repo/agent/stash ]]; then
		install -m 755 "$cluster_repo/agent/stash" "$dir/ocf/upper/heartbeat/stash"
	else
		log "no agent/stash yet: $name gets no ocf:heartbeat:stash"
	fi
	install_stash "$disk"
}

write_ssh_config() {
	local count=$1 i hosts=()
	for ((i = 1; i <= count; i++)); do
		printf 'Host %s\n    HostName %s\n' "$(node_name "$i")" "$(node_addr "$i")"
		hosts+=("$(node_name "$i")" "$(node_addr "$i")")
	done
	cat <<EOF

Host ${hosts[*]}
    User root
    IdentityFile $ssh_dir/id_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $ssh_dir/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
EOF
}

write_cluster_json() {
	local count=$1 i sep=""
	printf '{\n  "name": "%s",\n  "runDir": "%s",\n  "sshConfig": "%s",\n' "$cluster_name" "$run_dir" "$ssh_config"
	printf '  "identityFile": "%s",\n  "knownHosts": "%s",\n' "$ssh_dir/id_ed25519" "$ssh_dir/known_hosts"
	printf '  "network": "%s.0/24",\n  "hostAddress": "%s",\n  "vip": "%s",\n' "$net" "$host_addr" "$vip_addr"
	# Which release the nodes run, and its stack's package versions.
	printf '  "suite": "%s",\n  "stack": {' "$suite"
	dpkg-query --admindir="$node_root/var/lib/dpkg" -W -f='${Package} ${Version}\n' pacemaker pcs corosync |
		awk '{ printf "%s\"%s\": \"%s\"", (NR > 1 ? ", " : " "), $1, $2 } END { print " }," }'
	printf '  "namespaces": ["%s"' "$hub_ns"
	for ((i = 1; i <= count; i++)); do printf ', "%s"' "$(node_ns "$i")"; done
	printf '],\n  "hostLink": "%s",\n  "nodes": [' "$host_link"
	for ((i = 1; i <= count; i++)); do
		printf '%s\n    { "name": "%s", "address": "%s" }' "$sep" "$(node_name "$i")" "$(node_addr "$i")"
		sep=,
	done
	printf '\n  ]\n}\n'
}

# write_run COUNT: everything on disk a run needs, before the network exists.
write_run() {
	local count=$1 i
	umask 022
	if account passwd "$stash_user" >/dev/null; then
		stash_uid=$(account_id passwd "$stash_user")
	fi
	# The cluster daemons' account, as the nodes' own account files number it.
	ha_uid=$(account_id passwd hacluster)
	ha_gid=$(account_id group haclient)
	mkdir -p "$run_dir" "$state_dir" "$ssh_dir" "$run_dir/shared"
	touch "$marker"
	echo "$count" >"$state_dir/nodes"
	ssh-keygen -q -t ed25519 -N '' -C "stash-ha-lab" -f "$ssh_dir/id_ed25519"
	: >"$ssh_dir/known_hosts"
	head -c 256 /dev/urandom >"$run_dir/authkey"
	{
		printf '127.0.0.1 localhost\n'
		for ((i = 1; i <= count; i++)); do
			printf '%s %s\n' "$(node_addr "$i")" "$(node_name "$i")"
		done
	} >"$run_dir/hosts"
	for ((i = 1; i <= count; i++)); do
		write_node "$i" "$count"
	done
	write_stash_home
	write_ssh_config "$count" >"$ssh_config"
	write_cluster_json "$count" >"$run_dir/cluster.json"
}

# The hub namespace with its bridge, and the host's link into it.
make_network() {
	ip netns add "$hub_ns"
	ip netns exec "$hub_ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
	ip -n "$hub_ns" link set lo up
	ip -n "$hub_ns" link add br0 type bridge
	ip -n "$hub_ns" link set br0 up
	ip link add "$host_link" type veth peer name uplink netns "$hub_ns"
	ip -n "$hub_ns" link set uplink master br0 up
	sysctl -qw "net.ipv6.conf.$host_link.disable_ipv6=1"
	ip address add "$host_addr/24" dev "$host_link"
	ip link set "$host_link" up
}

# A node's network namespace, its veth to the bridge and its address.
make_node_link() {
	local i=$1 ns port
	ns=$(node_ns "$i")
	port=$(printf 'port%02d' "$i")
	ip netns add "$ns"
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
	ip -n "$ns" link set lo up
	ip -n "$hub_ns" link add "$port" type veth peer name eth0 netns "$ns"
	ip -n "$hub_ns" link set "$port" master br0 up
	ip -n "$ns" address add "$(node_addr "$i")/24" dev eth0
	ip -n "$ns" link set eth0 up
}
