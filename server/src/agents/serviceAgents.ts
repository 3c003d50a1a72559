/**
 * The meta-data Pacemaker makes up for `systemd:`, `lsb:` and `service:` resources.
 * These agents have no parameters and a fixed set of actions, so the checker knows
 * them for any unit or init script name without asking a cluster. The facts are
 * Pacemaker 2.1.5's (libcrmservice): systemd units advertise start, stop and status
 * with 100 s timeouts and monitor every 60 s with 100 s; LSB scripts advertise start,
 * stop, status, restart and force-reload with 15 s and monitor every 15 s with 15 s.
 * `service:` resolves to LSB or systemd on the node at run time, so it gets LSB's
 * action list (the larger) and its timeouts (the smaller): no false alarms either way.
 */
const ACTIONS: Record<string, string> = {
  systemd: `<action name="start" timeout="100" />
<action name="stop" timeout="100" />
<action name="status" timeout="100" />
<action name="monitor" timeout="100" interval="60" />
<action name="meta-data" timeout="5" />`,
  lsb: `<action name="meta-data" timeout="5" />
<action name="start" timeout="15" />
<action name="stop" timeout="15" />
<action name="status" timeout="15" />
<action name="restart" timeout="15" />
<action name="force-reload" timeout="15" />
<action name="monitor" timeout="15" interval="15" />`,
};
ACTIONS.service = ACTIONS.lsb;

const WHAT: Record<string, string> = {
  systemd: 'systemd unit',
  lsb: 'LSB init script',
  service: 'system service (LSB init script or systemd unit)',
};

/** Meta-data XML for a `systemd:`, `lsb:` or `service:` agent; undefined for other standards. */
export function serviceAgentXml(standard: string, type: string): string | undefined {
  const actions = ACTIONS[standard];
  if (actions === undefined) return undefined;
  const escaped = type.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0"?>
<resource-agent name="${escaped}" version="0.1">
<version>1.1</version>
<longdesc lang="en">Runs the ${WHAT[standard]} ${escaped} through Pacemaker. It takes no parameters.</longdesc>
<shortdesc lang="en">${WHAT[standard]} ${escaped}</shortdesc>
<parameters/>
<actions>
${actions}
</actions>
</resource-agent>
`;
}
