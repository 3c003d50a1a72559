/**
 * Conformance of the spec checker to the contract (spec-format.md), through the same
 * entry the CLI and the editor use: `validateText(text, createCatalog())`, all
 * validators together.
 *
 * The first part walks every row of the contract's diagnostics table. Each case is a
 * realistic spec (the contract's own example with one mistake made in it) and must
 * produce exactly the findings listed, no more: the code, the severity the table
 * gives, the 1-based line, the exact text the range covers (the offending key or
 * value; for a missing thing the key of the mapping it is missing from; for a
 * duplicate or conflict the later occurrence) and a message that names what is
 * wrong and the fix. Each near miss must raise nothing of the row's code (and, as
 * built, nothing at all). The "Keys" and "Values" sections follow in conformanceKeys.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, DiagnosticCode, SEVERITY_OF } from '../../../server/src/spec/codes';
import { repoRoot } from '../helpers';
import { BASE, check, edit, insertBefore, Seen } from './contractSpec';

interface Expected {
  readonly code: DiagnosticCode;
  readonly line: number;
  /** The exact text the range covers. */
  readonly range: string;
}

interface Case extends Expected {
  readonly name: string;
  readonly text: string;
  /** What the message must say: what is wrong, and the fix. */
  readonly says: readonly RegExp[];
  /** Other findings the mistake rightly brings along (none but where stated). */
  readonly also?: readonly Expected[];
}

interface NearMiss {
  readonly name: string;
  readonly text: string;
  /** Findings of other codes this near miss has by design. */
  readonly others?: readonly DiagnosticCode[];
}

interface Row {
  readonly code: DiagnosticCode;
  /** Severity and "when" as the contract's table writes them. */
  readonly severity: 'error' | 'warning';
  readonly when: string;
  readonly cases: readonly Case[];
  readonly nearMisses: readonly NearMiss[];
}

const NEW_RESOURCE = (lines: string): string => insertBefore(BASE, 'constraints:\n', lines);

const TABLE: readonly Row[] = [
  {
    code: 'yaml-syntax', severity: 'error', when: 'the YAML does not parse',
    cases: [
      { name: 'a key without its colon', code: 'yaml-syntax', line: 12,
        text: edit(BASE, ['    agent: ocf:heartbeat:IPaddr2', '    agent ocf:heartbeat:IPaddr2']),
        range: 'agent ocf:heartbeat:IPaddr2\n    params', says: [/Implicit keys need to be on a single line/, /add the missing ': ' after the key/] },
      { name: 'a quote left open: at the opening quote, not at the end of the file', code: 'yaml-syntax', line: 19,
        text: edit(BASE, ['stash_user: atlstash', 'stash_user: "atlstash']),
        range: '"atlstash', says: [/Missing closing "quote/, /Close the quote/] },
      { name: 'a tab as indentation', code: 'yaml-syntax', line: 26,
        text: edit(BASE, ['      migration-threshold: 1', '\tmigration-threshold: 1']),
        range: '\t', says: [/Tabs are not allowed/, /Indent with spaces/] },
    ],
    nearMisses: [
      { name: 'quoted values, comments and flow mappings',
        text: edit(BASE, ['    agent: ocf:heartbeat:IPaddr2', "    agent: 'ocf:heartbeat:IPaddr2' # the address"],
          ['stash_user: atlstash', 'stash_user: "atlstash"']) },
    ],
  },
  {
    code: 'duplicate-key', severity: 'error', when: 'a key repeats in one mapping',
    cases: [
      { name: 'a second monitor under the same ops key: at the later one', code: 'duplicate-key', line: 16,
        text: edit(BASE, ['      monitor: { interval: 30s }\n', '      monitor: { interval: 30s }\n      monitor: { interval: 60s, OCF_CHECK_LEVEL: 10 }\n']),
        range: 'monitor', says: [/Key 'monitor' repeats in this mapping/, /keep one 'monitor' and remove or rename the other/] },
      { name: 'a resource id twice', code: 'duplicate-key', line: 27,
        text: NEW_RESOURCE('  stash_fs:\n    agent: ocf:pacemaker:Dummy\n'),
        range: 'stash_fs', says: [/Key 'stash_fs' repeats/] },
    ],
    nearMisses: [
      { name: 'two monitors of one action as a list, and one key in several mappings',
        text: edit(BASE, ['      monitor: { interval: 30s }', '      monitor:\n        - { interval: 30s }\n        - { interval: 60s, OCF_CHECK_LEVEL: 10 }']) },
    ],
  },
  {
    code: 'unknown-key', severity: 'error', when: 'a key the format does not have at that place',
    cases: [
      { name: 'a misspelt resource key', code: 'unknown-key', line: 25, text: edit(BASE, ['    meta:', '    metta:']),
        range: 'metta', says: [/Unknown key 'metta' in resource 'stash_res'/, /Did you mean 'meta'\?/] },
      { name: 'clone and promotable together: the later one', code: 'unknown-key', line: 28,
        text: edit(BASE, ['      migration-threshold: 1\n', '      migration-threshold: 1\n    clone: {}\n    promotable: {}\n']),
        range: 'promotable', says: [/'promotable' and 'clone' cannot both be set/, /keep one of them/],
        also: [{ code: 'stash-cloned', line: 27, range: 'clone' }] },
    ],
    nearMisses: [
      { name: 'x- keys at the top level, every key of a resource',
        text: 'x-note: &note { owner: ops }\n' + edit(BASE, ['  stash_vip:\n', '  stash_vip:\n    meta: { priority: 1 }\n']) },
    ],
  },
  {
    code: 'type-mismatch', severity: 'error', when: 'a value of the wrong YAML type',
    cases: [
      { name: 'params written as pcs arguments, a list: no missing-param on top', code: 'type-mismatch', line: 13,
        text: edit(BASE, ['    params: { ip: 192.168.56.100, cidr_netmask: 24 }', '    params: [ip=192.168.56.100, cidr_netmask=24]']),
        range: '[ip=192.168.56.100, cidr_netmask=24]',
        says: [/'params' of resource 'stash_vip' must be a mapping of parameter names to values, not a list/, /write its entries as 'key: value' lines/] },
      { name: 'constraints.colocation as a mapping: type-mismatch alone, no warnings about the ties it holds', code: 'type-mismatch', line: 28,
        text: edit(BASE, ['  colocation:\n    - { resource: stash_vip, with: stash_res, score: INFINITY }\n    - { resource: stash_res, with: stash_fs }\n',
          '  colocation: { resource: stash_vip, with: stash_res }\n']),
        range: '{ resource: stash_vip, with: stash_res }', says: [/must be a list, not a mapping/, /on its own line starting with '- '/] },
    ],
    nearMisses: [
      { name: 'block and flow mappings, a list of operations', text: edit(BASE,
        ['    params: { ip: 192.168.56.100, cidr_netmask: 24 }', '    params:\n      ip: 192.168.56.100\n      cidr_netmask: 24'],
        ['      monitor: { interval: 30s }', '      monitor: [ { interval: 30s } ]']) },
    ],
  },
  {
    code: 'missing-field', severity: 'error', when: 'a required key of the format is absent',
    cases: [
      { name: 'a node without address: at the node name', code: 'missing-field', line: 4,
        text: edit(BASE, ['  node02: { address: 192.168.56.12, ssh:', '  node02: { ssh:']),
        range: 'node02', says: [/Missing 'address' in node 'node02'/, /Add it: host name or IP address/] },
      { name: 'a resource without agent: at its id, and nothing about the home it may hold', code: 'missing-field', line: 8,
        text: edit(BASE, ['    agent: ocf:heartbeat:Filesystem\n', '']),
        range: 'stash_fs', says: [/Missing 'agent' in resource 'stash_fs'/, /Add e\.g\. 'agent: /] },
      { name: 'an order constraint without then: at the head of its item', code: 'missing-field', line: 32,
        text: edit(BASE, ['{ first: stash_fs, then: stash_res }', '{ first: stash_fs }']),
        range: '{ first: stash_fs }', says: [/Missing 'then' in order constraint 1/, /Add it/] },
      { name: 'a group without members', code: 'missing-field', line: 28,
        text: insertBefore(BASE, 'constraints:\n', 'groups:\n  stash_grp: []\n'),
        range: 'stash_grp', says: [/Group 'stash_grp' needs at least 1 member/, /list them, or remove the group/] },
    ],
    nearMisses: [
      { name: 'required keys present, optional ones (ssh, properties, meta) left out',
        text: edit(BASE, ['properties:\n  no-quorum-policy: ignore\n', ''], [', ssh: { user: admin, port: 2222 }', '']) },
    ],
  },
  {
    code: 'invalid-id', severity: 'error', when: 'a resource or group id breaks the id rule',
    cases: [
      { name: 'a resource id with a slash', code: 'invalid-id', line: 27, text: NEW_RESOURCE('  stash/backup:\n    agent: ocf:pacemaker:Dummy\n'),
        range: 'stash/backup', says: [/Resource id 'stash\/backup' is not a valid id/, /starts with a letter or '_'/, /Rename it/] },
      { name: 'a group id starting with a digit', code: 'invalid-id', line: 28,
        text: insertBefore(BASE, 'constraints:\n', 'groups:\n  1stack: [stash_fs]\n'),
        range: '1stack', says: [/Group id '1stack' is not a valid id/, /Rename it/] },
    ],
    nearMisses: [
      { name: 'letters, digits, _, . and - after a letter or _', text: NEW_RESOURCE('  _stash.backup-1:\n    agent: ocf:pacemaker:Dummy\n') },
    ],
  },
  {
    code: 'duplicate-id', severity: 'error', when: 'a group id equals a resource id',
    cases: [
      { name: 'a group named as a resource: at the group, which comes later', code: 'duplicate-id', line: 28,
        text: insertBefore(BASE, 'constraints:\n', 'groups:\n  stash_vip: [stash_fs]\n'),
        range: 'stash_vip', says: [/Group id 'stash_vip' is already a resource id/, /Rename the group/] },
    ],
    nearMisses: [{ name: 'a group with its own id', text: insertBefore(BASE, 'constraints:\n', 'groups:\n  stash_grp: [stash_fs]\n') }],
  },
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
  {
    code: 'op-timeout-short', severity: 'warning', when: 'an operation timeout below the one the agent advertises',
    cases: [
      { name: 'the contract\'s own example: the monitor gets Pacemaker\'s 20 s, below the agent\'s 30 s', code: 'op-timeout-short', line: 23,
        text: edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15s }']),
        range: 'monitor', says: [/has no timeout, so it gets Pacemaker's default of 20s, below the 30s that ocf:heartbeat:stash advertises/, /add timeout: 30s/] },
      { name: 'a start timeout below 240 s: at the value', code: 'op-timeout-short', line: 24, text: edit(BASE, ['{ timeout: 240s }', '{ timeout: 60s }']),
        range: '60s', says: [/Timeout 60s of the start operation of 'stash_res' is below the 240s/, /set it to at least 240s/] },
    ],
    nearMisses: [
      { name: 'the advertised timeouts in other units', text: edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15s, timeout: PT30S }'],
        ['{ timeout: 240s }', '{ timeout: 4min }\n      stop: { timeout: 2m }']) },
      { name: 'op-defaults long enough', text: edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15s }'], ['resources:\n', 'op-defaults:\n  timeout: 30s\nresources:\n']) },
    ],
  },
  {
    code: 'bad-op-option', severity: 'error', when: 'an operation key or value outside the list above',
    cases: [
      { name: 'an on-fail value that does not exist', code: 'bad-op-option', line: 23,
        text: edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15s, timeout: 30s, on-fail: restat }']),
        range: 'restat', says: [/'on-fail' in operation 'monitor' of resource 'stash_res' is 'restat'/, /expected one of ignore, block, stop, restart, standby, fence, demote/, /Did you mean 'restart'\?/] },
      { name: 'a misspelt operation key', code: 'bad-op-option', line: 24, text: edit(BASE, ['{ timeout: 240s }', '{ timeout: 240s, start-dealy: 5s }']),
        range: 'start-dealy', says: [/Unknown operation option 'start-dealy'/, /Did you mean 'start-delay'\?/] },
    ],
    nearMisses: [
      { name: 'every option with a good value', text: edit(BASE, ['{ interval: 15s, timeout: 30s }',
        '{ interval: 15s, timeout: 30s, start-delay: 0, interval-origin: 0s, on-fail: restart, role: Started, enabled: true, record-pending: no, OCF_CHECK_LEVEL: 10 }']) },
    ],
  },
  {
    code: 'unknown-meta', severity: 'warning', when: 'a meta attribute outside the list above',
    cases: [
      { name: 'underscores for dashes', code: 'unknown-meta', line: 26, text: edit(BASE, ['migration-threshold: 1', 'migration_threshold: 1']),
        range: 'migration_threshold', says: [/Unknown meta attribute 'migration_threshold' in 'meta' of resource 'stash_res'/, /Did you mean 'migration-threshold'\?/] },
    ],
    nearMisses: [{ name: 'the listed attributes', text: edit(BASE, ['migration-threshold: 1', 'migration-threshold: 1\n      resource-stickiness: 100\n      target-role: Started']) }],
  },
  {
    code: 'bad-meta-value', severity: 'error', when: 'a meta attribute or clone option value of the wrong kind',
    cases: [
      { name: 'a migration-threshold in words', code: 'bad-meta-value', line: 26, text: edit(BASE, ['migration-threshold: 1', 'migration-threshold: once']),
        range: 'once', says: [/Meta attribute 'migration-threshold' in 'meta' of resource 'stash_res' is 'once'/, /expected an integer ≥ 0 or INFINITY/] },
      { name: 'a clone option', code: 'bad-meta-value', line: 30,
        text: NEW_RESOURCE('  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash }\n    promotable: { notify: sure }\n'),
        range: 'sure', says: [/Clone option 'notify' in 'promotable' of resource 'drbd' is 'sure'/, /expected true or false/] },
    ],
    nearMisses: [{ name: 'INFINITY', text: edit(BASE, ['migration-threshold: 1', 'migration-threshold: INFINITY']) }],
  },
  {
    code: 'bad-score', severity: 'error', when: 'a score that is not an integer or ±INFINITY',
    cases: [
      { name: 'a misspelt INFINITY: bad-score alone, not also vip-not-colocated', code: 'bad-score', line: 29,
        text: edit(BASE, ['score: INFINITY', 'score: INFINTY']),
        range: 'INFINTY', says: [/'score' of colocation constraint 1 is 'INFINTY'/, /expected a score: an integer, INFINITY or -INFINITY/] },
    ],
    nearMisses: [{ name: '+INFINITY', text: edit(BASE, ['score: INFINITY', 'score: +INFINITY']) }],
  },
  {
    code: 'unknown-resource', severity: 'error', when: 'a group member or constraint that names no resource or group',
    cases: [
      { name: 'a misspelt colocation target: unknown-resource alone, not also vip-not-colocated', code: 'unknown-resource', line: 29,
        text: edit(BASE, ['with: stash_res, score', 'with: stash_rse, score']),
        range: 'stash_rse', says: [/The colocation constraint's 'with' is 'stash_rse', which is no resource or group/, /Did you mean 'stash_res'\?/] },
      { name: 'a group member', code: 'unknown-resource', line: 28, text: insertBefore(BASE, 'constraints:\n', 'groups:\n  stash_grp: [stash_fs, backup_db]\n'),
        range: 'backup_db', says: [/Group stash_grp lists 'backup_db', which is not a resource of this spec/, /Declare it under resources, or remove it from stash_grp/] },
    ],
    nearMisses: [
      { name: 'a constraint naming a group, and one naming a cloned resource', text: edit(
        NEW_RESOURCE('  ping:\n    agent: ocf:pacemaker:ping\n    params: { host_list: 192.168.56.1 }\n    clone: {}\n'),
        ['constraints:\n', 'groups:\n  stash_grp: [stash_fs]\nconstraints:\n'],
        ['{ resource: stash_res, with: stash_fs }', '{ resource: stash_res, with: stash_grp }\n    - { resource: stash_grp, with: ping }']) },
    ],
  },
  {
    code: 'unknown-node', severity: 'error', when: 'a location constraint that names no node',
    cases: [
      { name: 'a node that is not declared', code: 'unknown-node', line: 34,
        text: BASE + '  location:\n    - { resource: stash_res, node: node03 }\n',
        range: 'node03', says: [/names node 'node03', which is not under nodes/, /Did you mean 'node01'\?/] },
    ],
    nearMisses: [{ name: 'a declared node, with the default score', text: BASE + '  location:\n    - { resource: stash_res, node: node01 }\n' }],
  },
  {
    code: 'group-conflict', severity: 'error', when: 'a resource in two groups, or a clone inside a group',
    cases: [
      { name: 'a resource in two groups: at the later listing', code: 'group-conflict', line: 29,
        text: insertBefore(BASE, 'constraints:\n', 'groups:\n  front: [stash_vip, stash_res]\n  back: [stash_fs, stash_res]\n'),
        range: 'stash_res', says: [/stash_res is already in group front: a resource can be in one group only/, /Remove it from back or from front/] },
      { name: 'a clone inside a group', code: 'group-conflict', line: 32,
        text: insertBefore(NEW_RESOURCE('  ping:\n    agent: ocf:pacemaker:ping\n    params: { host_list: 192.168.56.1 }\n    clone: {}\n'),
          'constraints:\n', 'groups:\n  stash_grp: [stash_fs, ping]\n'),
        range: 'ping', says: [/ping is a clone and cannot be a member of group stash_grp/, /Take ping out of stash_grp/] },
    ],
    nearMisses: [{ name: 'each resource in one group', text: insertBefore(BASE, 'constraints:\n', 'groups:\n  front: [stash_vip]\n  back: [stash_fs, stash_res]\n') }],
  },
  {
    code: 'unknown-property', severity: 'warning', when: 'a cluster property outside the list above',
    cases: [
      { name: 'a misspelt property', code: 'unknown-property', line: 7, text: edit(BASE, ['  no-quorum-policy: ignore\n', '  no-quorum-policy: ignore\n  stonith-enabeld: true\n']),
        range: 'stonith-enabeld', says: [/Unknown cluster property 'stonith-enabeld'/, /Did you mean 'stonith-enabled'\?/] },
    ],
    nearMisses: [{ name: 'stonith-enabled and its newer name fencing-enabled', text: edit(BASE,
      ['  no-quorum-policy: ignore\n', '  no-quorum-policy: ignore\n  stonith-enabled: true\n  fencing-enabled: true\n']) }],
  },
  {
    code: 'bad-property-value', severity: 'error', when: 'a cluster property value of the wrong kind',
    cases: [
      { name: 'a misspelt policy', code: 'bad-property-value', line: 6, text: edit(BASE, ['no-quorum-policy: ignore', 'no-quorum-policy: ignor']),
        range: 'ignor', says: [/Cluster property 'no-quorum-policy' in 'properties' is 'ignor'/, /Did you mean 'ignore'\?/] },
    ],
    nearMisses: [{ name: 'another policy', text: edit(BASE, ['no-quorum-policy: ignore', 'no-quorum-policy: freeze']) }],
  },
  {
    code: 'stash-cloned', severity: 'error', when: 'a Stash resource that is a clone or promotable',
    cases: [
      { name: 'a cloned Stash: at the clone key', code: 'stash-cloned', line: 27,
        text: edit(BASE, ['      migration-threshold: 1\n', '      migration-threshold: 1\n    clone: { clone-max: 2 }\n']),
        range: 'clone', says: [/stash_res is a Stash resource and cannot be a clone/, /Remove 'clone:' from stash_res/] },
    ],
    nearMisses: [{ name: 'a promotable drbd next to Stash', text: NEW_RESOURCE('  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash }\n    promotable: { notify: true }\n') }],
  },
  {
    code: 'stash-home-in-inst', severity: 'error', when: 'a Stash resource whose stash_home lies inside its stash_inst',
    cases: [
      { name: 'the installation in the data directory: at stash_home', code: 'stash-home-in-inst', line: 20,
        text: edit(BASE, ['stash_inst: /opt/atlassian/stash/3.11.3', 'stash_inst: /var/atlassian/application-data']),
        range: '/var/atlassian/application-data/stash', says: [/stash_home \/var\/atlassian\/application-data\/stash lies inside stash_inst/, /Move stash_home outside/] },
    ],
    nearMisses: [{ name: 'path by path: application-data is not inside app', text: edit(BASE, ['stash_inst: /opt/atlassian/stash/3.11.3', 'stash_inst: /var/atlassian/app']) }],
  },
  {
    code: 'vip-not-colocated', severity: 'warning', when: 'an IPaddr2 resource that does not run with any Stash resource',
    cases: [
      { name: 'the address left untied: at its id', code: 'vip-not-colocated', line: 11,
        text: edit(BASE, ['    - { resource: stash_vip, with: stash_res, score: INFINITY }\n', '']),
        range: 'stash_vip', says: [/stash_vip does not run with any Stash resource: clients would reach a node without Stash/, /Add a colocation \{ resource: stash_vip, with: stash_res, score: INFINITY \}/] },
      { name: 'a finite score is only a preference', code: 'vip-not-colocated', line: 11, text: edit(BASE, ['score: INFINITY', 'score: 1000']),
        range: 'stash_vip', says: [/does not run with any Stash resource/] },
    ],
    nearMisses: [
      { name: 'tied through a chain in the other direction, with the default score', text: edit(BASE,
        ['{ resource: stash_vip, with: stash_res, score: INFINITY }', '{ resource: stash_fs, with: stash_vip }']) },
      { name: 'in one group with Stash', text: edit(insertBefore(BASE, 'constraints:\n', 'groups:\n  stash_grp: [stash_fs, stash_res, stash_vip]\n'),
        ['  colocation:\n    - { resource: stash_vip, with: stash_res, score: INFINITY }\n    - { resource: stash_res, with: stash_fs }\n', '']) },
    ],
  },
  {
    code: 'stash-home-not-shared', severity: 'warning', when: 'a Stash resource whose stash_home is not inside the directory of a Filesystem that runs with it',
    cases: [
      { name: 'path by path: /srv/stash-home is not inside /srv/stash', code: 'stash-home-not-shared', line: 20,
        text: edit(BASE, ['directory: /var/atlassian/application-data', 'directory: /srv/stash'],
          ['stash_home: /var/atlassian/application-data/stash', 'stash_home: /srv/stash-home']),
        range: '/srv/stash-home', says: [/stash_res's stash_home \/srv\/stash-home is not on a Filesystem resource that runs with it/, /move stash_home under \/srv\/stash/] },
      { name: 'the Filesystem holds the home but does not run with Stash', code: 'stash-home-not-shared', line: 20,
        text: edit(BASE, ['    - { resource: stash_res, with: stash_fs }\n', '']),
        range: '/var/atlassian/application-data/stash', says: [/stash_fs mounts \/var\/atlassian\/application-data but does not run with stash_res/, /add a colocation/] },
    ],
    nearMisses: [
      { name: '/srv/stash/home inside /srv/stash, tied through a chain the other way', text: edit(BASE,
        ['directory: /var/atlassian/application-data', 'directory: /srv/stash'], ['stash_home: /var/atlassian/application-data/stash', 'stash_home: /srv/stash/home'],
        ['{ resource: stash_res, with: stash_fs }', '{ resource: stash_fs, with: stash_vip }']) },
    ],
  },
  {
    code: 'stonith-disabled', severity: 'warning', when: 'stonith-enabled: false (or fencing-enabled: false)',
    cases: [
      { name: 'stonith-enabled: false, at the value', code: 'stonith-disabled', line: 7,
        text: edit(BASE, ['  no-quorum-policy: ignore\n', '  no-quorum-policy: ignore\n  stonith-enabled: false\n']),
        range: 'false', says: [/Fencing is off \(stonith-enabled: false\)/, /Configure a fence device .* and set stonith-enabled to true/] },
      { name: 'fencing-enabled: off', code: 'stonith-disabled', line: 7,
        text: edit(BASE, ['  no-quorum-policy: ignore\n', '  no-quorum-policy: ignore\n  fencing-enabled: off\n']),
        range: 'off', says: [/Fencing is off \(fencing-enabled: off\)/, /set fencing-enabled to true/] },
    ],
    nearMisses: [{ name: 'fencing on, in both names', text: edit(BASE, ['  no-quorum-policy: ignore\n', '  no-quorum-policy: ignore\n  stonith-enabled: yes\n  fencing-enabled: "true"\n']) }],
  },
];

function brief(found: readonly Seen[]): string {
  return found.map((d) => `${d.line} ${d.code} ${JSON.stringify(d.range)}: ${d.message}`).join('\n');
}

describe('contract: the diagnostics table', () => {
  test('the table rows are exactly the codes the checker knows, with the contract\'s severities', () => {
    assert.deepEqual(TABLE.map((r) => r.code), ALL_CODES);
    for (const row of TABLE) assert.equal(SEVERITY_OF[row.code], row.severity, row.code);
  });

  test('the base spec (the contract\'s example with the monitor timeout it asks for) raises nothing', () => {
    assert.deepEqual(check(BASE), []);
  });

  for (const row of TABLE) {
    describe(`${row.code} (${row.severity}): ${row.when}`, () => {
      for (const c of row.cases) {
        test(c.name, () => {
          const found = check(c.text);
          const expected = [c, ...(c.also ?? [])].map((e) => ({ code: e.code, line: e.line, range: e.range }));
          const key = (e: Expected): string => `${e.line} ${e.code} ${JSON.stringify(e.range)}`;
          assert.deepEqual(found.map(key).sort(), expected.map(key).sort(), brief(found));
          const d = found.find((f) => f.code === c.code && f.line === c.line && f.range === c.range)!;
          assert.equal(d.severity, row.severity);
          for (const says of c.says) assert.match(d.message, says);
        });
      }
      for (const n of row.nearMisses) {
        test(`near miss: ${n.name}`, () => {
          const found = check(n.text);
          assert.deepEqual(found.filter((d) => d.code === row.code), [], brief(found));
          assert.deepEqual(found.map((d) => d.code).filter((c) => !(n.others ?? []).includes(c)), [], brief(found));
        });
      }
    });
  }
});

describe('contract: the example and the shipped examples', () => {
  test('the example of spec-format.md: exactly one op-timeout-short warning, on stash_res\'s monitor', () => {
    const text = readFileSync(join(repoRoot(), 'test/fixtures/spec-format/example.cluster.yaml'), 'utf8');
    const found = check(text);
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.line, d.range]), [['op-timeout-short', 'warning', 23, 'monitor']], brief(found));
    assert.match(found[0].message, /monitor operation of 'stash_res' has no timeout, so it gets Pacemaker's default of 20s, below the 30s/);
    assert.equal(text, edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15s }']), 'the base spec is the example plus its timeout');
  });

  test('examples/stash.cluster.yaml raises nothing at all', () => {
    const found = check(readFileSync(join(repoRoot(), 'examples/stash.cluster.yaml'), 'utf8'));
    assert.deepEqual(found, [], brief(found));
  });
});
