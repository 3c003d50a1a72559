/**
 * The rows of the contract's diagnostics table about the YAML and the format's
 * structure (yaml-syntax to duplicate-id). Each case is the contract's example with
 * one mistake; see contract.test.ts for what is asserted.
 */
import { BASE, edit, insertBefore, Row } from './contractSpec';

const NEW_RESOURCE = (lines: string): string => insertBefore(BASE, 'constraints:\n', lines);

export const STRUCTURE_ROWS: readonly Row[] = [
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
];
