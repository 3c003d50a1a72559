/**
 * Spec text the relation and Stash-layout validator tests build on: the classic
 * two-node Stash cluster of spec-format.md, in pieces a test can recombine.
 */
import { lines } from '../helpers';

export const HEAD = lines(
  'cluster: stash',
  'nodes:',
  '  node01: { address: 192.168.56.11 }',
  '  node02: { address: 192.168.56.12 }',
);

/** Lines 5–19 of a spec that starts with HEAD. */
export const RESOURCES = lines(
  'resources:',
  '  stash_fs:',
  '    agent: ocf:heartbeat:Filesystem',
  '    params: { device: /dev/drbd0, directory: /var/atlassian/application-data, fstype: xfs }',
  '  stash_vip:',
  '    agent: ocf:heartbeat:IPaddr2',
  '    params: { ip: 192.168.56.100, cidr_netmask: 24 }',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params:',
  '      stash_user: atlstash',
  '      stash_home: /var/atlassian/application-data/stash',
  '      stash_inst: /opt/atlassian/stash/3.11.3',
  '  dummy:',
  '    agent: ocf:pacemaker:Dummy',
);

/** The constraints that tie the three together, as in spec-format.md. */
export const TIED = lines(
  'constraints:',
  '  colocation:',
  '    - { resource: stash_vip, with: stash_res, score: INFINITY }',
  '    - { resource: stash_res, with: stash_fs }',
  '  order:',
  '    - { first: stash_fs, then: stash_res }',
);
