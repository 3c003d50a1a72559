import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { hover } from '../../../server/src/services/hover';
import { buildModel } from '../../../server/src/spec/model';

const SPEC = `cluster: stash
nodes:
  node01: { address: 192.168.56.11 }
properties:
  stonith-enabled: true
  cluster-recheck-interval: 2min
resources:
  vip:
    agent: ocf:heartbeat:IPaddr2
    params: { ip: 192.168.56.100 }
  stash_res:
    agent: ocf:heartbeat:stash
    params: { stash_user: atlstash, stash_home: /srv/stash, stash_inst: /opt/stash }
    ops:
      start: { timeout: PT4M }
      stop: { timeout: 240000ms }
    meta: { failure-timeout: 90, bogus: 1 }
  other:
    agent: ocf:acme:Nothing
groups:
  g: [vip, stash_res]
constraints:
  colocation:
    - { resource: g, with: stash_res, score: INFINITY }
`;

const catalog = createCatalog();
const hoverAt = (needle: string, delta = 1): string | undefined => {
  const i = SPEC.indexOf(needle);
  assert.ok(i >= 0, needle);
  return hover(buildModel(SPEC), catalog, i + delta)?.markdown;
};

describe('hover', () => {
  test('durations show in seconds, whatever their form', () => {
    assert.match(hoverAt('PT4M') ?? '', /`PT4M` = \*\*240 s\*\*/);
    assert.match(hoverAt('240000ms') ?? '', /`240000ms` = \*\*240 s\*\*/);
    assert.match(hoverAt('90,') ?? '', /`90` = \*\*90 s\*\*/);
    assert.match(hoverAt('2min') ?? '', /`2min` = \*\*120 s\*\*/);
  });

  test('an operation timeout says what the agent advertises', () => {
    assert.match(hoverAt('PT4M') ?? '', /advertises 240 s for start/);
    assert.match(hoverAt('stop:') ?? '', /advertises timeout 120 s/);
  });

  test('a parameter shows descriptions, type, default and flags', () => {
    const md = hoverAt('{ ip:', 2) ?? '';
    assert.match(md, /\*\*ip\*\* — parameter of `ocf:heartbeat:IPaddr2`/);
    assert.match(md, /required/);
    assert.match(md, /unique/);
    const md2 = hoverAt('stash_user') ?? '';
    assert.match(md2, /Type: string/);
  });

  test('meta attributes, properties and format keys', () => {
    assert.match(hoverAt('failure-timeout') ?? '', /meta attribute[\s\S]*Value: duration/);
    assert.match(hoverAt('stonith-enabled') ?? '', /cluster property[\s\S]*fencing-enabled/);
    assert.match(hoverAt('bogus') ?? '', /Not a known meta attribute/);
    assert.match(hoverAt('agent') ?? '', /\*\*agent\*\* \(required\)/);
    assert.match(hoverAt('score') ?? '', /\*\*score\*\*/);
  });

  test('agents: known ones with their description and origin, unknown ones said so', () => {
    assert.match(hoverAt('ocf:heartbeat:IPaddr2', 4) ?? '', /Meta-data from: built-in/);
    assert.match(hoverAt('ocf:acme:Nothing', 4) ?? '', /no meta-data is known/);
  });

  test('ids: a declaration and references to resources and groups', () => {
    assert.match(hoverAt('stash_res:') ?? '', /\*\*stash_res\*\* — resource `ocf:heartbeat:stash`, declared on line 11/);
    assert.match(hoverAt('resource: g', 'resource: '.length) ?? '', /\*\*g\*\* — group of `vip`, `stash_res`/);
    assert.match(hoverAt('[vip', 2) ?? '', /resource `ocf:heartbeat:IPaddr2`/);
    assert.match(hoverAt('node01') ?? '', /cluster node at `192\.168\.56\.11`/);
  });

  test('nothing to say on plain text values or outside the tree', () => {
    assert.equal(hoverAt('stash\n', 1), undefined);
    assert.equal(hover(buildModel(''), catalog, 0), undefined);
  });
});
