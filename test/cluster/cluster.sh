#!/bin/bash
# shellcheck source-path=SCRIPTDIR
# A real Pacemaker 2 / Corosync 3 / pcs cluster on this machine, for tests.
# Each node is a set of namespaces (network, mount, uts, pid) with its own sshd,
# corosync and pacemaker; a bridge in a hub namespace joins them and one veth
# reaches them from the host. See README.md in this folder.
#
#   cluster.sh up [N] [SUITE]  bring up N nodes (default 3) running the cluster
#                          stack of Debian SUITE (default $STASH_HA_CLUSTER_SUITE,
#                          else bookworm, the host's own; bullseye and trixie
#                          come from a cached root, stack-root.sh), wait until
#                          all are online with quorum; on failure, clean up
#   cluster.sh down        remove everything a run created (safe to repeat)
#   cluster.sh crash NODE  power a node off: kill its namespace init, drop its
#                          addresses
#   cluster.sh boot NODE   power it on again and wait until it rejoins
#   cluster.sh exec NODE CMD…  run CMD inside the node (debugging; tests use ssh)
#   cluster.sh logs        print the end of every node's logs
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=setup.sh
. "$cluster_here/setup.sh"

# Starts a node's init in the background and records its PID.
start_node() {
	local i=$1 name dir
	name=$(node_name "$i")
	dir=$(node_dir "$i")
	setsid ip netns exec "$(node_ns "$i")" \
		unshare --mount --uts --pid --fork --kill-child --mount-proc --propagation private \
		"$cluster_here/node-init.sh" "$name" "$dir" "$run_dir" ${node_root:+"$node_root"} \
		</dev/null >>"$dir/log/console.log" 2>&1 &
	echo "$!" >"$state_dir/$name.pid"
}

ssh_ready() {
	ssh_node "$1" true 2>/dev/null
}

# crm_mon_ready NODE COUNT: NODE sees COUNT nodes online and a DC with quorum.
crm_mon_ready() {
	local xml online quorum
	xml=$(ssh_node "$1" crm_mon --output-as=xml 2>/dev/null) || return 1
	online=$(xmllint --xpath 'count(/pacemaker-result/nodes/node[@online="true"])' - <<<"$xml")
	quorum=$(xmllint --xpath 'string(/pacemaker-result/summary/current_dc/@with_quorum)' - <<<"$xml")
	[[ $online == "$2" && $quorum == true ]]
}

# Waits for a process to end; a zombie counts as ended.
wait_pid_gone() {
	local pid=$1 deadline=$(($(date +%s) + 15)) state
	while state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) && [[ $state != Z ]]; do
		(($(date +%s) < deadline)) || die "process $pid did not end"
		sleep 0.1
	done
}

# Kills a node's recorded processes (the whole pid namespace dies with its init).
power_off() {
	local i=$1 name pid init
	name=$(node_name "$i")
	if pid=$(node_pid "$i"); then
		init=$(node_init_pid "$i") || init=""
		kill -KILL "$pid"
		wait_pid_gone "$pid"
		[[ -z $init ]] || wait_pid_gone "$init"
	fi
	rm -f "$state_dir/$name.pid"
}

cmd_up() {
	local count=${1:-3} started i
	suite=${2:-$suite}
	[[ $count =~ ^[1-9]$ ]] || die "node count must be 1-9: $count"
	check_settings
	if [[ -e $run_dir ]] || ns_exists "$hub_ns" || ip link show "$host_link" >/dev/null 2>&1; then
		die "a cluster (or what is left of one) exists for $run_dir / $prefix: run '$0 down' first"
	fi
	started=$(now)
	# The host's own stack, or the suite's root (built once, then taken from the cache).
	node_root=""
	[[ $suite == bookworm ]] || node_root=$("$cluster_here/stack-root.sh" path "$suite")
	check_host
	trap up_exit EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM HUP
	write_run "$count"
	echo "$suite" >"$state_dir/suite"
	[[ -z $node_root ]] || echo "$node_root" >"$state_dir/root"
	make_network
	for ((i = 1; i <= count; i++)); do
		make_node_link "$i"
		start_node "$i"
	done
	for ((i = 1; i <= count; i++)); do
		wait_until 60 "sshd on $(node_name "$i")" ssh_ready "$(node_name "$i")"
	done
	log "sshd up on $count nodes after $(elapsed_since "$started") s"
	wait_until 120 "$count nodes online with quorum" crm_mon_ready node01 "$count"
	touch "$state_dir/up"
	trap - EXIT INT TERM HUP
	log "cluster $cluster_name up: $count nodes ($suite) in $(elapsed_since "$started") s; ssh config: $ssh_config"
}

up_exit() {
	local rc=$?
	((rc == 0)) && return
	log "up failed (exit $rc); node logs follow, then everything is removed"
	cmd_logs || true
	cmd_down || true
	exit "$rc"
}

cmd_down() {
	local started i ns
	started=$(now)
	check_settings
	if [[ -d $state_dir ]]; then
		for file in "$state_dir"/node*.pid; do
			[[ -e $file ]] || continue
			i=$(node_index "$(basename "$file" .pid)")
			power_off "$i"
		done
	fi
	# The host's end of the uplink goes first: deleting a veth end takes its peer with it
	# at once, whereas deleting the hub's namespace takes the peer, and so this end, away
	# later in the kernel's own time, so a show-then-delete after it raced ("Cannot find
	# device"). A link that vanished meanwhile is what we wanted.
	if ip link show "$host_link" >/dev/null 2>&1; then
		ip link delete "$host_link" 2>/dev/null || ! ip link show "$host_link" >/dev/null 2>&1
	fi
	for ns in $(ip netns list | awk '{ print $1 }'); do
		if [[ $ns =~ ^$prefix-node[0-9]{2}$ || $ns == "$hub_ns" ]]; then
			ip netns delete "$ns"
		fi
	done
	if [[ -f $marker ]]; then
		rm -rf "$run_dir"
	elif [[ -e $run_dir ]]; then
		log "left $run_dir alone: it has no $marker"
	fi
	log "down in $(elapsed_since "$started") s"
}

cmd_crash() {
	local i ns
	i=$(node_index "${1:?usage: crash NODE}")
	node_pid "$i" >/dev/null || die "$1 is not running"
	ns=$(node_ns "$i")
	power_off "$i"
	ip -n "$ns" link set eth0 down
	ip -n "$ns" address flush dev eth0
	log "$1 powered off"
}

cmd_boot() {
	local i name started
	name=${1:?usage: boot NODE}
	i=$(node_index "$name")
	((i <= $(node_count))) || die "$name is not part of this cluster"
	! node_pid "$i" >/dev/null || die "$name is already running"
	started=$(now)
	node_root=$(run_root)
	trap boot_exit EXIT
	ip -n "$(node_ns "$i")" address add "$(node_addr "$i")/24" dev eth0
	ip -n "$(node_ns "$i")" link set eth0 up
	start_node "$i"
	wait_until 60 "sshd on $name" ssh_ready "$name"
	wait_until 120 "$name to rejoin" crm_mon_ready "$name" "$(node_count)"
	trap - EXIT
	log "$name booted and rejoined in $(elapsed_since "$started") s"
}

boot_exit() {
	local rc=$?
	((rc == 0)) || cmd_logs >&2 || true
}

cmd_exec() {
	local i init root
	i=$(node_index "${1:?usage: exec NODE COMMAND...}")
	shift
	init=$(node_init_pid "$i") || die "node $i is not running"
	root=$(run_root)
	[[ -n $root ]] || exec nsenter --target "$init" --all -- "$@"
	# A suite's node: its system is the overlay node-init.sh mounted in its namespace.
	exec nsenter --target "$init" --all -- chroot "$(node_dir "$i")/system" "$@"
}

cmd_logs() {
	local i dir file
	for ((i = 1; i <= $(node_count); i++)); do
		dir=$(node_dir "$i")
		for file in "$dir/log/console.log" "$dir/log/sshd.log" \
			"$dir/disk/var/log/corosync/corosync.log" "$dir/disk/var/log/pacemaker/pacemaker.log"; do
			[[ -f $file ]] || continue
			echo "==> $(node_name "$i"): ${file#"$dir"/} <=="
			tail -n 30 "$file"
		done
	done
}

check_settings
case ${1:-} in
up | down | crash | boot | exec | logs)
	verb=$1
	shift
	"cmd_$verb" "$@"
	;;
*) die "usage: $0 up [N] [SUITE] | down | crash NODE | boot NODE | exec NODE CMD... | logs" ;;
esac
