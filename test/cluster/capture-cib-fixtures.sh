#!/bin/bash
# shellcheck source-path=SCRIPTDIR
# Records real CIBs of this machine's Pacemaker 2.1.5 / pcs 0.11.5 cluster as the
# fixtures the live-cluster comparison (diff, import, apply's plan) is tested on,
# and corosync's answers about its nodes. Brings its own lab cluster up (its own
# run directory, prefix and /24) and always takes it down again. Run by hand, as
# root, when the fixtures need to be made again:
#
#   bash test/cluster/capture-cib-fixtures.sh
#
# Written to test/fixtures/cib/:
#   pacemaker-VERSION-seed.xml         the seed's pcs commands, pushed and running
#   pacemaker-VERSION-values.xml       values in every spelling Pacemaker takes (15 and
#                                      15000ms, yes and true, +INFINITY, Master, started …),
#                                      written with cibadmin into a copy of the CIB
#   pacemaker-VERSION-shapes.xml       a promotable clone, a clone, a group, constraints
#                                      with roles, actions, kinds, locations, defaults
#   pacemaker-VERSION-unsupported.xml  what the spec format cannot say: rules, resource
#                                      sets, a tag, an alert, an ACL, a bundle, a cloned
#                                      group, a ticket, node attributes, utilization
#   pacemaker-VERSION-leftovers.xml    the seed with a move's and a ban's constraints
#   corosync-VERSION-cmap.txt          corosync-cmapctl -b nodelist.node; -b totem.cluster_name
#   corosync-VERSION.conf              /etc/corosync/corosync.conf
# The copies are never pushed: cibadmin and pcs check each change against the
# CIB's schema as they write it (CIB_file, pcs -f), so what is there is what a
# real cluster accepts.
set -euo pipefail

export STASH_HA_CLUSTER_DIR=${STASH_HA_CLUSTER_DIR:-${STASH_HA_LAB_ROOT:-/var/tmp/stash-ha-lab}/cluster-cib-fixtures}
export STASH_HA_CLUSTER_PREFIX=${STASH_HA_CLUSTER_PREFIX:-shcc}
export STASH_HA_CLUSTER_NET=${STASH_HA_CLUSTER_NET:-10.213.88}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lab=$cluster_here/cluster.sh
out=$cluster_repo/test/fixtures/cib
version=$(pacemakerd --version | awk 'NR == 1 { print $2 }')
corosync_version=$(corosync -v | sed -n 's/.*version .\([0-9.]*\).*/\1/p')

trap 'bash "$lab" down' EXIT
bash "$lab" down
bash "$lab" up 3
mkdir -p "$out"

on() {
	ssh_node "$@"
}

# The seed: Stash with one failure moving it, its VIP kept with it and started after it.
on node01 pcs resource create stash_res ocf:heartbeat:stash stash_user=stash \
	stash_home=/srv/shared/stash-home stash_inst=/srv/stash \
	op monitor interval=15s op start timeout=240s --disabled
on node01 pcs resource meta stash_res migration-threshold=1
on node01 pcs resource create stash_vip ocf:heartbeat:IPaddr2 ip="$vip_addr" cidr_netmask=24 nic=eth0 \
	op monitor interval=30s --disabled
on node01 pcs constraint colocation add stash_vip with stash_res INFINITY
on node01 pcs constraint order stash_res "then" stash_vip
on node01 pcs resource enable stash_res stash_vip
on node01 crm_resource --wait --timeout=120s
on node01 cibadmin --query >"$out/pacemaker-$version-seed.xml"
log "captured seed"

# Each state below is a copy of the seed's CIB changed on node01 and read back.
# shellcheck disable=SC2016 # expanded by the node's shell
on node01 bash -s -- "$vip_addr" <<'NODE'
set -euo pipefail
vip=$1
dir=/root/cib-fixtures
rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
copy() { cibadmin --query >"$1.xml"; }
# cib FILE ARGS…: cibadmin on the copy.
cib() { local f=$1; shift; CIB_file="$dir/$f.xml" cibadmin "$@"; }

copy values
cib values --modify --xml-text '<op id="stash_res-monitor-interval-15s" name="monitor" interval="15000ms" timeout="30"/>'
cib values --modify --xml-text '<op id="stash_res-start-interval-0s" name="start" interval="0" timeout="4min"/>'
cib values --modify --xml-text '<op id="stash_vip-monitor-interval-30s" name="monitor" interval="PT30S" timeout="20s" on-fail="restart" enabled="1" start-delay="1s" record-pending="false"/>'
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter migration-threshold --parameter-value +INFINITY
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter target-role --parameter-value started
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter is-managed --parameter-value yes
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter resource-stickiness --parameter-value +100
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter priority --parameter-value +05
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter failure-timeout --parameter-value PT1H
CIB_file=$dir/values.xml crm_resource --resource stash_res --meta --set-parameter allow-migrate --parameter-value on
CIB_file=$dir/values.xml crm_resource --resource stash_vip --meta --set-parameter multiple-active --parameter-value Stop_Start
CIB_file=$dir/values.xml crm_attribute --type crm_config --name no-quorum-policy --update Ignore
CIB_file=$dir/values.xml crm_attribute --type crm_config --name stonith-enabled --update no
CIB_file=$dir/values.xml crm_attribute --type crm_config --name cluster-recheck-interval --update 5min
CIB_file=$dir/values.xml crm_attribute --type rsc_defaults --name resource-stickiness --update 1000000
cib values --modify --xml-text '<rsc_colocation id="colocation-stash_vip-stash_res-INFINITY" rsc="stash_vip" with-rsc="stash_res" score="+INFINITY"/>'
cib values --modify --xml-text '<rsc_order id="order-stash_res-stash_vip-mandatory" first="stash_res" then="stash_vip" kind="Mandatory" symmetrical="1"/>'
cib values --create --scope constraints --xml-text '<rsc_location id="loc-vip-node03" rsc="stash_vip" node="node03" score="-INFINITY"/>'
cib values --create --scope constraints --xml-text '<rsc_colocation id="roles-old-names" rsc="stash_res" with-rsc="stash_vip" score="100" rsc-role="Slave" with-rsc-role="Master"/>'

copy shapes
pcs -f shapes.xml resource create drbd ocf:pacemaker:Stateful op monitor interval=29s role=Master op monitor interval=31s role=Slave \
	promotable promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1 notify=true
pcs -f shapes.xml resource create fs ocf:heartbeat:Filesystem device=/dev/drbd0 directory=/srv/data fstype=xfs --group stack --force
pcs -f shapes.xml resource create web ocf:pacemaker:Dummy op monitor interval=20s timeout=40s OCF_CHECK_LEVEL=10 --group stack
pcs -f shapes.xml resource create probe ocf:pacemaker:ping host_list="$vip" clone interleave=true
pcs -f shapes.xml constraint colocation add stack with Promoted drbd-clone INFINITY
pcs -f shapes.xml constraint order promote drbd-clone then start stack kind=Optional
pcs -f shapes.xml constraint order stop stash_vip then stop web kind=Serialize symmetrical=false
pcs -f shapes.xml constraint location stack prefers node01=50
pcs -f shapes.xml constraint location stash_res avoids node03
pcs -f shapes.xml constraint colocation add stash_res with probe-clone 200
pcs -f shapes.xml resource op defaults update timeout=45s
pcs -f shapes.xml property set maintenance-mode=false
pcs -f shapes.xml resource disable web

copy unsupported
pcs -f unsupported.xml constraint location stash_res rule score=100 '#uname' eq node01
pcs -f unsupported.xml resource create a1 ocf:pacemaker:Dummy
pcs -f unsupported.xml resource create a2 ocf:pacemaker:Dummy
pcs -f unsupported.xml constraint colocation set a1 a2
pcs -f unsupported.xml tag create pair a1 a2
pcs -f unsupported.xml alert create path=/usr/share/pacemaker/alerts/alert_file.sh.sample id=to-file
pcs -f unsupported.xml acl role create readers read xpath /cib
pcs -f unsupported.xml resource create g1 ocf:pacemaker:Dummy --group shared
pcs -f unsupported.xml resource create g2 ocf:pacemaker:Dummy --group shared
pcs -f unsupported.xml resource clone shared
pcs -f unsupported.xml constraint order stash_res then shared-clone
pcs -f unsupported.xml resource bundle create box container docker image=registry.example/box network control-port=3121 --force
pcs -f unsupported.xml constraint ticket add site-a stash_vip
pcs -f unsupported.xml node attribute node01 rack=r1
pcs -f unsupported.xml node utilization node02 cpu=4
pcs -f unsupported.xml resource utilization stash_res cpu=1
pcs -f unsupported.xml resource meta shared-clone resource-stickiness=5

copy leftovers
CIB_file=$dir/leftovers.xml crm_resource --resource stash_res --move --node node02
CIB_file=$dir/leftovers.xml crm_resource --resource stash_vip --ban --node node03
NODE

for state in values shapes unsupported leftovers; do
	on node01 cat "/root/cib-fixtures/$state.xml" >"$out/pacemaker-$version-$state.xml"
	log "captured $state"
done
{
	on node01 corosync-cmapctl -b nodelist.node
	on node01 corosync-cmapctl -b totem.cluster_name
} >"$out/corosync-$corosync_version-cmap.txt"
on node01 cat /etc/corosync/corosync.conf >"$out/corosync-$corosync_version.conf"
log "fixtures written to $out"
