/**
 * ocf:linbit:drbd as drbd-utils 9.22 (Debian 12) describes it: parameter names,
 * content types, flags, defaults and action timeouts as the real agent's meta-data has
 * them (including `unfence_extra_args`, declared boolean with a string default, and
 * timeouts written without a unit); the descriptions are ours.
 */
export const DRBD_METADATA_XML = `<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="drbd" version="LINBIT 1.4">
<version>1.0</version>
<longdesc lang="en">
Runs one DRBD resource (replicated block devices) as a promotable clone: every
instance keeps its node's replica connected, and the promoted instance holds the
Primary role, whose device can be mounted. Promotion preferences follow how
current each replica's data is. Configure it with notify=true and fencing in both
DRBD and Pacemaker.
</longdesc>
<shortdesc lang="en">DRBD resource as a promotable clone</shortdesc>
<parameters>
<parameter name="drbd_resource" unique="1" required="1">
<longdesc lang="en">The name of the resource as the DRBD configuration defines it.</longdesc>
<shortdesc lang="en">DRBD resource name</shortdesc>
<content type="string" />
</parameter>
<parameter name="drbdconf">
<longdesc lang="en">The absolute path of the DRBD configuration file.</longdesc>
<shortdesc lang="en">DRBD configuration file</shortdesc>
<content type="string" default="/etc/drbd.conf" />
</parameter>
<parameter name="adjust_master_score">
<longdesc lang="en">Four promotion scores, separated by spaces and not decreasing, for: data only consistent; up-to-date data reachable only on a peer; Secondary with local up-to-date data and the peer's state unknown; local up-to-date data while Primary or with the peer known. The first is 0 by default so that data of unknown freshness is never promoted.</longdesc>
<shortdesc lang="en">Promotion scores</shortdesc>
<content type="string" default="0 10 1000 10000" />
</parameter>
<parameter name="stop_outdates_secondary">
<longdesc lang="en">Mark a stopping Secondary's data as outdated when a Primary is known to run elsewhere. Best left off: it relies on notification data that older Pacemaker versions got wrong.</longdesc>
<shortdesc lang="en">Outdate a Secondary on stop</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="ignore_missing_notifications">
<longdesc lang="en">Run without notify=true on the clone, for setups that do not need notifications.</longdesc>
<shortdesc lang="en">Allow running without notifications</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="wfc_timeout">
<longdesc lang="en">Seconds that start waits at most for the peer connections to come up; empty or non-numeric means no wait.</longdesc>
<shortdesc lang="en">Connection wait on start (s)</shortdesc>
<content type="integer" default="5" />
</parameter>
<parameter name="remove_master_score_if_peer_primary">
<longdesc lang="en">Withdraw the promotion score while DRBD is connected to a healthy Primary: true always, unexpected only when Pacemaker does not know about that Primary, anything else never. Guards against promotion attempts in a cluster split brain, at the cost of slower fail-over after a Primary crash.</longdesc>
<shortdesc lang="en">No promotion score while a peer is Primary</shortdesc>
<content type="string" default="false" />
</parameter>
<parameter name="fail_promote_early_if_peer_primary">
<longdesc lang="en">Give up promoting after the first failed try while DRBD still sees a Primary peer, instead of retrying until the operation times out.</longdesc>
<shortdesc lang="en">Fail promote early if a peer is Primary</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="unfence_if_all_uptodate">
<longdesc lang="en">Once every volume is UpToDate, run the unfence hook to clear any fencing constraint left behind.</longdesc>
<shortdesc lang="en">Unfence when fully up to date</shortdesc>
<content type="boolean" default="false" />
</parameter>
<parameter name="unfence_extra_args">
<longdesc lang="en">Extra arguments handed to the unfence hook through its environment.</longdesc>
<shortdesc lang="en">Unfence hook arguments</shortdesc>
<content type="boolean" default="--quiet --flock-required --flock-timeout 0 --unfence-only-if-owner-match" />
</parameter>
<parameter name="require_drbd_module_version_ge">
<longdesc lang="en">Fail unless the loaded DRBD kernel module is at least this version.</longdesc>
<shortdesc lang="en">Minimum DRBD module version</shortdesc>
<content type="string" default="8.0.0" />
</parameter>
<parameter name="require_drbd_module_version_lt">
<longdesc lang="en">Fail unless the loaded DRBD kernel module is below this version.</longdesc>
<shortdesc lang="en">DRBD module version limit</shortdesc>
<content type="string" default="10.0.0" />
</parameter>
<parameter name="connect_only_after_promote">
<longdesc lang="en">Stay disconnected until promoted, then connect. Meant for stacked setups whose lower layer lacks fencing; every fail-over then starts a new data generation.</longdesc>
<shortdesc lang="en">Connect only after promotion</shortdesc>
<content type="boolean" default="false" />
</parameter>
</parameters>
<actions>
<action name="start" timeout="240" />
<action name="reload" timeout="30" />
<action name="promote" timeout="90" />
<action name="demote" timeout="90" />
<action name="notify" timeout="90" />
<action name="stop" timeout="100" />
<action name="monitor" timeout="20" interval="20" role="Slave" />
<action name="monitor" timeout="20" interval="10" role="Master" />
<action name="meta-data" timeout="5" />
<action name="validate-all" />
</actions>
</resource-agent>
`;
