/**
 * The rows of the contract's diagnostics table about attribute values, references and
 * Stash's layout (bad-op-option to stonith-disabled). Each case is the contract's
 * example with one mistake; see contract.test.ts for what is asserted.
 */
import { BASE, edit, insertBefore, Row } from './contractSpec';

const NEW_RESOURCE = (lines: string): string => insertBefore(BASE, 'constraints:\n', lines);

export const RELATIONS_ROWS: readonly Row[] = [
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
