/**
 * ocf:pacemaker:ping as Pacemaker 2.1.5 describes it: parameter names, content types,
 * flags, defaults and action timeouts as the real agent's meta-data has them (even
 * `dampen`, declared an integer with the default `5s`); the descriptions are ours.
 */
export const PING_METADATA_XML = `<?xml version="1.0"?>
<resource-agent name="ping" version="1.2">
<version>1.1</version>
<longdesc lang="en">
On every monitor, counts how many of the listed hosts this node can reach (with
fping when present, else ping) and stores the count, times multiplier, in a node
attribute. Location rules on that attribute move resources away from nodes that
lost their network. Usually run as a clone on every node.
</longdesc>
<shortdesc lang="en">Network reachability as a node attribute</shortdesc>
<parameters>
<parameter name="pidfile" unique-group="pidfile">
<longdesc lang="en">The file that records whether the resource is running.</longdesc>
<shortdesc lang="en">State file</shortdesc>
<content type="string" default="/var/run/ping-RESOURCE_ID" />
</parameter>
<parameter name="dampen" reloadable="1">
<longdesc lang="en">How long the attribute waits for further changes before it is written, so that a short outage does not move resources.</longdesc>
<shortdesc lang="en">Dampening delay</shortdesc>
<content type="integer" default="5s" />
</parameter>
<parameter name="name" unique-group="name">
<longdesc lang="en">The name of the node attribute to set.</longdesc>
<shortdesc lang="en">Attribute name</shortdesc>
<content type="string" default="pingd" />
</parameter>
<parameter name="multiplier">
<longdesc lang="en">The number of reachable hosts is multiplied by this before it is stored.</longdesc>
<shortdesc lang="en">Multiplier</shortdesc>
<content type="integer" default="1" />
</parameter>
<parameter name="host_list" required="1">
<longdesc lang="en">The hosts to ping, separated by spaces.</longdesc>
<shortdesc lang="en">Hosts to ping</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="attempts" reloadable="1">
<longdesc lang="en">How many times to try each host before counting it unreachable.</longdesc>
<shortdesc lang="en">Attempts per host</shortdesc>
<content type="integer" default="3" />
</parameter>
<parameter name="timeout" reloadable="1">
<longdesc lang="en">Seconds to wait for each reply.</longdesc>
<shortdesc lang="en">Reply timeout (s)</shortdesc>
<content type="integer" default="2" />
</parameter>
<parameter name="options">
<longdesc lang="en">Any other options to pass to ping.</longdesc>
<shortdesc lang="en">Extra ping options</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="failure_score">
<longdesc lang="en">Make the monitor fail when the stored score drops below this; unset, it never fails.</longdesc>
<shortdesc lang="en">Score below which monitor fails</shortdesc>
<content type="integer" default="" />
</parameter>
<parameter name="use_fping">
<longdesc lang="en">Prefer fping to ping when it is installed; 0 always uses ping.</longdesc>
<shortdesc lang="en">Use fping when available</shortdesc>
<content type="boolean" default="1" />
</parameter>
<parameter name="debug" reloadable="1">
<longdesc lang="en">Log every attribute update verbosely.</longdesc>
<shortdesc lang="en">Verbose logging</shortdesc>
<content type="string" default="false" />
</parameter>
</parameters>
<actions>
<action name="start" timeout="60s" />
<action name="stop" timeout="20s" />
<action name="monitor" depth="0" timeout="60s" interval="10s" />
<action name="meta-data" timeout="5s" />
<action name="validate-all" timeout="30s" />
<action name="reload-agent" timeout="20s" />
</actions>
</resource-agent>
`;
