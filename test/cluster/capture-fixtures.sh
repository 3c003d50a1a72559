#!/bin/bash
# shellcheck source-path=SCRIPTDIR
# Records real outputs of this machine's Pacemaker 2.1.5 / pcs 0.11.5 cluster as
# test fixtures: `crm_mon --output-as=xml` in the states the status model must
# read, and the meta-data of the agents the spec checker knows built in. Brings
# its own lab cluster up and always takes it down again. Run by hand, as root,
# when the fixtures need to be made again:
#
#   bash test/cluster/capture-fixtures.sh
set -euo pipefail

export STASH_HA_CLUSTER_DIR=${STASH_HA_CLUSTER_DIR:-${STASH_HA_LAB_ROOT:-/var/tmp/stash-ha-lab}/cluster-fixtures}
export STASH_HA_CLUSTER_PREFIX=${STASH_HA_CLUSTER_PREFIX:-shcf}
export STASH_HA_CLUSTER_NET=${STASH_HA_CLUSTER_NET:-10.213.89}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lab=$cluster_here/cluster.sh
crm_out=$cluster_repo/test/fixtures/crm_mon
meta_out=$cluster_repo/test/fixtures/metadata
version=$(pacemakerd --version | awk 'NR == 1 { print $2 }')

trap 'bash "$lab" down' EXIT
bash "$lab" down
bash "$lab" up 3

on() {
	ssh_node "$@"
}

# xpath NODE EXPR: evaluates EXPR over NODE's crm_mon XML.
xpath() {
	on "$1" crm_mon --output-as=xml | xmllint --xpath "$2" -
}

# holds NODE EXPR VALUE: whether EXPR evaluates to VALUE.
holds() {
	[[ $(xpath "$1" "$2" 2>/dev/null) == "$3" ]]
}

# where NODE RESOURCE: the node RESOURCE is Started on.
where() {
	xpath "$1" "string(//resource[@id='$2'][@role='Started']/node/@name)"
}

# together OBSERVER [AVOID]: Stash and the VIP run on one node, not AVOID.
together() {
	local node
	node=$(where "$1" stash)
	[[ -n $node && $node != "${2:-}" && $(where "$1" vip) == "$node" ]]
}

all_started='count(//resources//resource[@role="Started"]) = count(//resources//resource)'

capture() {
	on node01 crm_mon --output-as=xml >"$crm_out/pacemaker-$version-$1.xml"
	log "captured $1"
}

mkdir -p "$crm_out" "$meta_out"

# Stash with its VIP, a group and a clone: the shapes a status model reads.
on node01 pcs resource create stash ocf:heartbeat:stash stash_user=stash \
	stash_home=/srv/shared/stash-home stash_inst=/srv/stash \
	op monitor interval=5s meta migration-threshold=1 --disabled
on node01 pcs resource create vip ocf:heartbeat:IPaddr2 ip="$vip_addr" cidr_netmask=24 nic=eth0 \
	op monitor interval=5s --disabled
on node01 pcs constraint colocation add vip with stash INFINITY
on node01 pcs constraint order stash "then" vip
on node01 pcs resource create tools-a ocf:pacemaker:Dummy --group tools
on node01 pcs resource create tools-b ocf:pacemaker:Dummy --group tools
on node01 pcs resource create probe ocf:pacemaker:Dummy op monitor interval=10s clone
on node01 pcs resource enable stash vip
wait_until 90 "every resource started" holds node01 "$all_started" true
capture healthy

active=$(where node01 stash)
on node01 pcs node standby "$active"
wait_until 60 "stash and vip to leave $active" together node01 "$active"
capture standby
on node01 pcs node unstandby "$active"
wait_until 60 "$active back in service" holds node01 "$all_started" true

active=$(where node01 stash)
observer=node01
[[ $active != node01 ]] || observer=node02
bash "$lab" crash "$active"
wait_until 60 "$active offline" holds "$observer" "string(//nodes/node[@name='$active']/@online)" false
wait_until 60 "stash and vip to leave $active" together "$observer" "$active"
on "$observer" crm_mon --output-as=xml >"$crm_out/pacemaker-$version-offline.xml"
log "captured offline"
bash "$lab" boot "$active"

# Stash's process dies under the monitor: fail-count 1 reaches
# migration-threshold 1, so Stash and its VIP move.
active=$(where node01 stash)
# shellcheck disable=SC2016 # expanded by the node's shell
on "$active" 'kill -KILL "$(cat /srv/stash/work/catalina.pid)"'
wait_until 60 "the monitor failure" holds node01 "count(//failures/failure[@op_key='stash_monitor_5000'])" 1
wait_until 60 "stash and vip to leave $active" together node01 "$active"
capture failed
on node01 pcs resource cleanup stash
wait_until 60 "the failure cleaned" holds node01 "count(//failures/failure)" 0

# The pcs 0.9 way of moving, whose constraint stays until cleared.
active=$(where node01 stash)
target=node03
[[ $active != node03 ]] || target=node02
on node01 pcs resource move-with-constraint stash "$target"
wait_until 60 "stash and vip to leave $active" together node01 "$active"
[[ $(where node01 stash) == "$target" ]] || die "stash went to $(where node01 stash), not $target"
capture cli-prefer
on node01 cibadmin --query --scope constraints >"$crm_out/pacemaker-$version-cli-prefer.constraints.xml"

on node01 pcs --version >"$meta_out/pcs-version.txt"
for agent in ocf:heartbeat:IPaddr2 ocf:heartbeat:Filesystem ocf:pacemaker:Dummy ocf:pacemaker:ping; do
	on node01 crm_resource --show-metadata "$agent" >"$meta_out/${agent//:/-}.xml"
done
log "fixtures written to $crm_out and $meta_out"
