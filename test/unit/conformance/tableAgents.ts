/**
 * The rows of the contract's diagnostics table checked against agent meta-data (bad-
 * agent to op-timeout-short). Each case is the contract's example with one mistake;
 * see contract.test.ts for what is asserted.
 */
import { BASE, edit, insertBefore, Row } from './contractSpec';

const NEW_RESOURCE = (lines: string): string => insertBefore(BASE, 'constraints:\n', lines);

export const AGENTS_ROWS: readonly Row[] = [
  {
    code: 'bad-agent', severity: 'error', when: 'an agent string that is not one of the forms above',
    cases: [
      { name: 'the standard left out: bad-agent alone, not also unknown-agent', code: 'bad-agent', line: 12,
        text: edit(BASE, ['agent: ocf:heartbeat:IPaddr2', 'agent: heartbeat:IPaddr2']),
        range: 'heartbeat:IPaddr2', says: [/Agent 'heartbeat:IPaddr2' is not a full agent name/, /did you mean 'ocf:heartbeat:IPaddr2'\?/] },
      { name: 'an ocf agent without provider', code: 'bad-agent', line: 28, text: NEW_RESOURCE('  backup:\n    agent: ocf:backup\n'),
        range: 'ocf:backup', says: [/Agent 'ocf:backup' is not an agent name/, /write ocf:PROVIDER:TYPE, stonith:TYPE, systemd:NAME, lsb:NAME or service:NAME/] },
    ],
    nearMisses: [
      { name: 'systemd:, lsb: and service: agents (known by any name)', text: NEW_RESOURCE(
        '  backup:\n    agent: systemd:stash-backup\n  mail:\n    agent: lsb:postfix\n  cron:\n    agent: service:crond\n') },
      { name: 'a stonith: agent is a valid form (its meta-data is just not known here)', others: ['unknown-agent'],
        text: NEW_RESOURCE('  fence_node01:\n    agent: stonith:fence_ipmilan\n') },
    ],
  },
  {
    code: 'unknown-agent', severity: 'warning', when: 'an agent whose meta-data is not known',
    cases: [
      { name: 'a near miss of a known agent: did-you-mean', code: 'unknown-agent', line: 12,
        text: edit(BASE, ['agent: ocf:heartbeat:IPaddr2', 'agent: ocf:heartbeat:IPaddr']),
        range: 'ocf:heartbeat:IPaddr', says: [/Agent 'ocf:heartbeat:IPaddr' is not known, so its parameters go unchecked/, /did you mean 'ocf:heartbeat:IPaddr2'\?/] },
      { name: 'an agent of the cluster only: how to teach the checker', code: 'unknown-agent', line: 28,
        text: NEW_RESOURCE('  web:\n    agent: ocf:heartbeat:apache\n'),
        range: 'ocf:heartbeat:apache', says: [/is not known/, /add its meta-data to the workspace as ocf\.heartbeat\.apache\.metadata\.xml/] },
    ],
    nearMisses: [
      { name: 'every built-in agent and Stash', text: NEW_RESOURCE(
        '  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash }\n    promotable: {}\n' +
        '  probe:\n    agent: ocf:pacemaker:Dummy\n  ping:\n    agent: ocf:pacemaker:ping\n    params: { host_list: 192.168.56.1 }\n') },
    ],
  },
  {
    code: 'unknown-param', severity: 'error', when: 'a parameter the agent does not have',
    cases: [
      { name: 'a misspelt parameter', code: 'unknown-param', line: 13, text: edit(BASE, ['cidr_netmask: 24', 'cidr_netmaks: 24']),
        range: 'cidr_netmaks', says: [/Unknown parameter 'cidr_netmaks' for ocf:heartbeat:IPaddr2/, /did you mean 'cidr_netmask'\?/] },
      { name: 'trace_ra on an agent that is neither ocf:heartbeat nor ocf:pacemaker', code: 'unknown-param', line: 29,
        text: NEW_RESOURCE('  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash, trace_ra: 1 }\n    promotable: {}\n'),
        range: 'trace_ra', says: [/Unknown parameter 'trace_ra' for ocf:linbit:drbd/, /remove it/] },
    ],
    nearMisses: [
      { name: 'trace_ra and trace_file on ocf:heartbeat and ocf:pacemaker agents, as pcs allows', text: edit(
        NEW_RESOURCE('  probe:\n    agent: ocf:pacemaker:Dummy\n    params: { trace_ra: 1, trace_file: /tmp/probe.trace }\n'),
        ['cidr_netmask: 24', 'cidr_netmask: 24, trace_ra: 1, trace_file: /tmp/vip.trace']) },
    ],
  },
  {
    code: 'missing-param', severity: 'error', when: 'a parameter the agent requires is absent',
    cases: [
      { name: 'stash_user left out: at the params key', code: 'missing-param', line: 18,
        text: edit(BASE, ['      stash_user: atlstash\n', '']),
        range: 'params', says: [/Resource 'stash_res' lacks the parameter 'stash_user' that ocf:heartbeat:stash requires/, /add it under params/] },
      { name: 'no params at all: at the resource id, one finding per parameter, nothing about the home', code: 'missing-param', line: 8,
        text: edit(BASE, ['    params: { device: /dev/drbd0, directory: /var/atlassian/application-data, fstype: xfs }\n', '']),
        range: 'stash_fs', says: [/lacks the parameter 'device'/, /add it under a params key/],
        also: [{ code: 'missing-param', line: 8, range: 'stash_fs' }, { code: 'missing-param', line: 8, range: 'stash_fs' }] },
    ],
    nearMisses: [{ name: 'the optional status_url left out, the required three set', text: BASE }],
  },
  {
    code: 'param-type', severity: 'error', when: 'a value that breaks the parameter\'s content type',
    cases: [
      { name: 'an integer parameter in words', code: 'param-type', line: 13, text: edit(BASE, ['cidr_netmask: 24', 'cidr_netmask: 24, arp_count: five']),
        range: 'five', says: [/Parameter 'arp_count' of ocf:heartbeat:IPaddr2 takes an integer, not 'five'/] },
      { name: 'a boolean parameter that is no boolean word', code: 'param-type', line: 10,
        text: edit(BASE, ['fstype: xfs }', 'fstype: xfs, fast_stop: maybe }']),
        range: 'maybe', says: [/takes a boolean \(true or false; also yes\/no, on\/off, 1\/0\), not 'maybe'/] },
    ],
    nearMisses: [
      { name: 'integers and boolean words', text: edit(BASE, ['cidr_netmask: 24', 'cidr_netmask: 24, arp_count: 5, lvs_support: off'],
        ['fstype: xfs }', 'fstype: xfs, fast_stop: yes }']) },
    ],
  },
  {
    code: 'param-value', severity: 'error', when: 'a value that is well typed but cannot work',
    cases: [
      { name: 'a netmask out of range', code: 'param-value', line: 13, text: edit(BASE, ['cidr_netmask: 24', 'cidr_netmask: 33']),
        range: '33', says: [/cidr_netmask '33' is out of range/, /from 1 to 32/] },
      { name: 'an invalid IP address', code: 'param-value', line: 13, text: edit(BASE, ['ip: 192.168.56.100', 'ip: 192.168.56.300']),
        range: '192.168.56.300', says: [/is not an IPv4 address/, /write four numbers 0–255/] },
      { name: 'a relative path where the agent needs an absolute one', code: 'param-value', line: 21,
        text: edit(BASE, ['stash_inst: /opt/atlassian/stash/3.11.3', 'stash_inst: opt/atlassian/stash/3.11.3']),
        range: 'opt/atlassian/stash/3.11.3', says: [/must be an absolute path \(starting with \/\)/] },
    ],
    nearMisses: [
      { name: 'a /32, and an IPv6 address with a /64', text: edit(
        NEW_RESOURCE('  vip6:\n    agent: ocf:heartbeat:IPaddr2\n    params: { ip: "2001:db8::10", cidr_netmask: 64 }\n'),
        ['cidr_netmask: 24', 'cidr_netmask: 32'], ['{ resource: stash_res, with: stash_fs }', '{ resource: stash_res, with: stash_fs }\n    - { resource: vip6, with: stash_vip }']) },
    ],
  },
  {
    code: 'unique-param', severity: 'error', when: 'two resources share the value of a parameter the agent marks unique',
    cases: [
      { name: 'two Dummy resources with one state file: at the later value', code: 'unique-param', line: 32,
        text: NEW_RESOURCE('  probe_a:\n    agent: ocf:pacemaker:Dummy\n    params: { state: /run/probe.state }\n' +
          '  probe_b:\n    agent: ocf:pacemaker:Dummy\n    params: { state: /run/probe.state }\n'),
        range: '/run/probe.state', says: [/Resource 'probe_b' has the same state as resource 'probe_a'/, /Change one of them/] },
    ],
    nearMisses: [
      { name: 'two state files', text: NEW_RESOURCE('  probe_a:\n    agent: ocf:pacemaker:Dummy\n    params: { state: /run/a.state }\n' +
        '  probe_b:\n    agent: ocf:pacemaker:Dummy\n    params: { state: /run/b.state }\n') },
    ],
  },
  {
    code: 'unknown-op', severity: 'warning', when: 'an operation the agent does not advertise',
    cases: [
      { name: 'a misspelt start', code: 'unknown-op', line: 24, text: edit(BASE, ['      start: { timeout: 240s }', '      strat: { timeout: 240s }']),
        range: 'strat', says: [/Operation 'strat' is not one ocf:heartbeat:stash advertises/, /did you mean 'start'\?/] },
    ],
    nearMisses: [
      { name: 'start, stop and monitor of Stash; promote and demote of drbd', text: edit(
        NEW_RESOURCE('  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash }\n' +
          '    ops: { promote: { timeout: 90s }, demote: { timeout: 90s } }\n    promotable: {}\n'),
        ['      start: { timeout: 240s }', '      start: { timeout: 240s }\n      stop: { timeout: 120s }']) },
    ],
  },
  {
    code: 'bad-duration', severity: 'error', when: 'a duration that does not parse',
    cases: [
      { name: 'an interval in words', code: 'bad-duration', line: 23,
        text: edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15 seconds, timeout: 30s }']),
        range: '15 seconds', says: [/'interval' in operation 'monitor' of resource 'stash_res' is '15 seconds'/, /expected a duration such as 30s, 500ms, 5min or PT4M/] },
      { name: 'a cluster property', code: 'bad-duration', line: 7, text: edit(BASE, ['  no-quorum-policy: ignore\n', '  no-quorum-policy: ignore\n  stonith-timeout: 1 minute\n']),
        range: '1 minute', says: [/Cluster property 'stonith-timeout'/, /expected a duration/] },
    ],
    nearMisses: [
      { name: 'seconds without a unit and ISO 8601', text: edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15, timeout: PT30S }']) },
    ],
  },
];
