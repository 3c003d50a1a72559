import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badHost, badLoginUser, badStatusUrl, parsePort } from '../../../../server/src/spec/vocabulary';

describe('vocabulary: what the cluster commands send to a node', () => {
  test('ports: decimal digits from 1 to 65535, nothing YAML or Number() would also read as a number', () => {
    for (const [text, port] of [['22', 22], ['1', 1], ['65535', 65535], ['0022', 22]] as const) assert.equal(parsePort(text), port, text);
    for (const text of ['0x8ae', '0o4256', '2e3', '22.0', ' 22', '22 ', '+22', '-22', '0', '65536', '', 'ssh', '١٢']) {
      assert.equal(parsePort(text), undefined, text);
    }
  });

  test('hosts: names, aliases and IPv4 of letters, digits, . - _; IPv6 in colon-hex form, with a zone', () => {
    for (const host of ['node01', 'node-01.example.com', '10.0.0.1', 'lab_node', 'N1', '::1', '2001:db8::10', 'fe80::1%eth0', 'x'.repeat(253)]) {
      assert.equal(badHost(host), undefined, host);
    }
    for (const [host, why] of [
      ['-oProxyCommand=touch /tmp/x', "it starts with '-', which ssh would read as an option"],
      ['-F/etc/passwd', "it starts with '-', which ssh would read as an option"],
      ['node 01', 'it holds a blank or a control character'],
      ['node01\n', 'it holds a blank or a control character'],
      ['no\u001bde', 'it holds a blank or a control character'],
      ['node;reboot', 'it holds ";"'],
      ['$(reboot)', 'it holds "$"'],
      ['root@node01', 'it holds "@"'],
      ['.node', "it starts with '.'"],
      ['ä.example', 'it holds "ä"'],
      ['1:2:3', "it holds ':' but is no IPv6 address"],
      ['fe80::1%eth0;x', "it holds ':' but is no IPv6 address"],
      ['', 'it is empty'],
      ['x'.repeat(254), 'it is longer than the 253 characters of a host name'],
    ] as const) assert.equal(badHost(host), why, host);
  });

  test('login users: letters, digits, . - _ and @ (user@domain), not starting with - . or @', () => {
    for (const user of ['root', 'admin', 'stash_admin', 'a.b-c', 'jdoe@corp.example.com', '1user']) assert.equal(badLoginUser(user), undefined, user);
    for (const [user, why] of [
      ['-oProxyCommand=x', "it starts with '-', which ssh would read as an option"],
      ['ad min', 'it holds a blank or a control character'],
      ['CORP\\jdoe', 'it holds "\\\\"'],
      ['@corp', "it starts with '@'"],
      ['a:b', 'it holds ":"'],
      ['', 'it is empty'],
    ] as const) assert.equal(badLoginUser(user), why, user);
  });

  test("Stash's status page: http or https with a host, no blanks or control characters", () => {
    for (const url of ['http://localhost:7990/status', 'https://stash.example.com/status', 'http://[::1]:7990/status', 'http://10.0.0.1/a[1]']) {
      assert.equal(badStatusUrl(url), undefined, url);
    }
    for (const [url, why] of [
      ['file:///etc/shadow', 'its scheme is file, not http or https'],
      ['gopher://localhost:70/', 'its scheme is gopher, not http or https'],
      ['localhost:7990/status', 'its scheme is localhost, not http or https'],
      ['http://localhost:7990/st\natus', 'it holds a blank or a control character'],
      ['http://local host/', 'it holds a blank or a control character'],
      ['-K/etc/shadow', 'it is not a URL'],
    ] as const) assert.equal(badStatusUrl(url), why, url);
  });
});
