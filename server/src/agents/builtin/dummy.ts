/**
 * ocf:pacemaker:Dummy as Pacemaker 2.1.5 describes it: parameter names, content types,
 * flags, defaults and action timeouts as the real agent's meta-data has them; the
 * descriptions are ours.
 */
export const DUMMY_METADATA_XML = `<?xml version="1.0"?>
<resource-agent name="Dummy" version="2.1">
<version>1.1</version>
<longdesc lang="en">
Does nothing but remember, in a state file, whether it is running. Useful to try
out constraints and fail-over, and as a starting point for new agents; its
actions can be made slow or failing on purpose.
</longdesc>
<shortdesc lang="en">Test agent that does nothing</shortdesc>
<parameters>
<parameter name="state" unique-group="state">
<longdesc lang="en">The file that records whether the resource is running.</longdesc>
<shortdesc lang="en">State file</shortdesc>
<content type="string" default="/var/run/Dummy-RESOURCE_ID.state" />
</parameter>
<parameter name="passwd" reloadable="1">
<longdesc lang="en">A pretend password, for testing how secrets are handled.</longdesc>
<shortdesc lang="en">Password</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="fake" reloadable="1">
<longdesc lang="en">A value with no effect; changing it makes the cluster reload the agent.</longdesc>
<shortdesc lang="en">Reloadable placeholder</shortdesc>
<content type="string" default="dummy" />
</parameter>
<parameter name="op_sleep" reloadable="1">
<longdesc lang="en">Seconds every action sleeps, to try out operation timeouts.</longdesc>
<shortdesc lang="en">Seconds to sleep per action</shortdesc>
<content type="string" default="0" />
</parameter>
<parameter name="fail_start_on" reloadable="1">
<longdesc lang="en">On the host named here, start, migrate_from and reload-agent report failure even though the resource does run, to try out on-fail=ignore.</longdesc>
<shortdesc lang="en">Host where start pretends to fail</shortdesc>
<content type="string" default="" />
</parameter>
<parameter name="envfile" reloadable="1">
<longdesc lang="en">When set, every action writes its environment to this file.</longdesc>
<shortdesc lang="en">Environment dump file</shortdesc>
<content type="string" default="" />
</parameter>
</parameters>
<actions>
<action name="start" timeout="20s" />
<action name="stop" timeout="20s" />
<action name="monitor" timeout="20s" interval="10s" depth="0" />
<action name="reload" timeout="20s" />
<action name="reload-agent" timeout="20s" />
<action name="migrate_to" timeout="20s" />
<action name="migrate_from" timeout="20s" />
<action name="validate-all" timeout="20s" />
<action name="meta-data" timeout="5s" />
</actions>
</resource-agent>
`;
