import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { paramValue } from '../../../server/src/services/validators/paramValue';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];

let vips = 0;
/** An IPaddr2 resource on one line, with an id of its own. */
function vip(params: string): string {
  return `  vip${++vips}: { agent: ocf:heartbeat:IPaddr2, params: { ${params} } }`;
}

describe('param-value', () => {
  test('an IPaddr2 address that is no IPv4 address, on the value', () => {
    const found = runValidators(lines(...HEAD, '  vip:', '    agent: ocf:heartbeat:IPaddr2', '    params:', '      ip: 192.168.56.300'), [paramValue]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'param-value');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 8);
    assert.equal(d.text, '192.168.56.300');
    assert.equal(d.message, "'192.168.56.300' is not an IPv4 address: write four numbers 0–255 (the first 1–255), e.g. 192.168.56.100.");
  });

  test('addresses and netmasks the agent refuses', () => {
    const text = lines(...HEAD,
      vip('ip: 10.0.0.5/24'),
      vip('ip: "2001:db8::zz"'),
      vip('ip: "fe80::1"'),
      vip('ip: 0.1.2.3'),
      vip('ip: 10.0.0.5, cidr_netmask: 33'),
      vip('ip: 10.0.0.5, cidr_netmask: 0'),
      vip('ip: "2001:db8::5", cidr_netmask: 129'),
      vip('ip: 10.0.0.5, cidr_netmask: 255.0.255.0'),
      vip('ip: 10.0.0.5, broadcast: everyone'));
    const found = runValidators(text, [paramValue]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [
      [5, '10.0.0.5/24'], [6, '"2001:db8::zz"'], [7, '"fe80::1"'], [8, '0.1.2.3'],
      [9, '33'], [10, '0'], [11, '129'], [12, '255.0.255.0'], [13, 'everyone'],
    ]);
    assert.match(found[0].message, /put the prefix in cidr_netmask/);
    assert.match(found[1].message, /is not an IPv6 address/);
    assert.match(found[2].message, /link-local address 'fe80::1' needs the interface: set nic/);
    assert.equal(found[4].message, "cidr_netmask '33' is out of range: an IPv4 prefix length runs from 1 to 32.");
    assert.match(found[6].message, /IPv6 prefix length runs from 1 to 128/);
    assert.match(found[7].message, /is not a netmask/);
  });

  test('relative paths where the agents need absolute ones, and unmountable devices', () => {
    const text = lines(...HEAD,
      '  fs: { agent: ocf:heartbeat:Filesystem, params: { device: UUID=1234, directory: srv/stash, fstype: xfs } }',
      '  s:',
      '    agent: ocf:heartbeat:stash',
      '    params:',
      '      stash_user: atl stash',
      '      stash_home: var/stash-home',
      '      stash_inst: ./stash',
      '      status_url: localhost:7990/status',
      '  d: { agent: ocf:linbit:drbd, params: { drbd_resource: r0, drbdconf: drbd.conf } }');
    const found = runValidators(text, [paramValue]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [
      [5, 'UUID=1234'], [5, 'srv/stash'], [9, 'atl stash'], [10, 'var/stash-home'], [11, './stash'], [12, 'localhost:7990/status'], [13, 'drbd.conf'],
    ]);
    assert.match(found[0].message, /cannot be mounted as xfs: the agent needs an absolute device path/);
    assert.equal(found[1].message, "The mount point (directory) must be an absolute path (starting with /), not 'srv/stash'.");
    assert.match(found[3].message, /^Stash's home \(stash_home\) must be an absolute path/);
  });

  test('through an alias it points at the alias use', () => {
    const found = runValidators(lines('x-ip: &ip 10.0.0.256', ...HEAD, vip('ip: *ip')), [paramValue]);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '*ip');
    assert.equal(found[0].line, 6);
  });

  test('near miss: what the agents accept', () => {
    const text = lines(...HEAD,
      vip('ip: 192.168.56.100, cidr_netmask: 24, broadcast: +'),
      vip('ip: 10.0.0.5, cidr_netmask: 255.255.255.0, broadcast: 10.0.0.255'),
      vip('ip: "2001:db8::10", cidr_netmask: 64, broadcast: whatever'),
      vip('ip: "fe80::1", nic: eth0'),
      vip('ip:, cidr_netmask: ""'),
      '  f1: { agent: ocf:heartbeat:Filesystem, params: { device: /dev/drbd0, directory: /srv, fstype: xfs } }',
      '  f2: { agent: ocf:heartbeat:Filesystem, params: { device: "-U 1234-abcd", directory: /srv, fstype: ext4 } }',
      '  f3: { agent: ocf:heartbeat:Filesystem, params: { device: "nas:/export/stash", directory: /srv, fstype: nfs4 } }',
      '  f4: { agent: ocf:heartbeat:Filesystem, params: { device: disk.img, directory: /srv, fstype: ext4, options: "loop,ro" } }',
      '  s:',
      '    agent: ocf:heartbeat:stash',
      '    params:',
      '      stash_user: atlstash',
      '      stash_home: /var/atlassian/application-data/stash',
      '      stash_inst: /opt/atlassian/stash/3.11.3',
      '      status_url: https://localhost:8443/stash/status');
    assert.deepEqual(runValidators(text, [paramValue]), []);
  });
});
