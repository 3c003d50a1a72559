// The editor's comparison of a spec's text with the live cluster a refresh read: on the
// CIBs captured from the lab (test/fixtures/cib/), through the status query's own
// answer reading (ClusterConnection.live), the summary the CodeLens shows and where
// each difference is marked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog, diffClusters, inSync, readCib, writeSpec } from '../../../server/src';
import type { LiveRead } from '../../../client/src/cluster/clusterConnection';
import { parseCmap } from '../../../client/src/cluster/liveQuery';
import { compareWithLive, driftMarks, driftMessage, LiveComparison, liveShapedLikeSpec, readWhen, summaryOf } from '../../../client/src/live/liveCompare';
import { cmapText, fixtureText, SEED_SPEC, specOf } from '../spec/cibFixtures';

function readOf(state: string): LiveRead {
  const corosync = parseCmap(cmapText());
  const read = readCib(fixtureText(`pacemaker-2.1.5-${state}.xml`), corosync);
  assert.ok(read.ok);
  return { takenAt: '2026-12-03T10:31:05.000Z', answer: { ok: true, live: read.live, corosync, node: 'node02', host: 'node02' } };
}

function compared(text: string, state = 'seed'): LiveComparison {
  const s = compareWithLive(text, readOf(state));
  assert.equal(s.kind, 'compared');
  return s.comparison;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('the spec held against the live cluster in the editor', () => {
  test("the seed's spec against the cluster its commands built: in sync, nothing marked", () => {
    const c = compared(SEED_SPEC);
    assert.equal(summaryOf(c), 'Live: in sync');
    assert.deepEqual(c.open, []);
    assert.deepEqual(driftMarks(c, SEED_SPEC), []);
    assert.equal(c.node, 'node02');
    assert.equal(readWhen(c), `read from node02 at ${new Date(c.takenAt).toLocaleTimeString('en-GB', { hour12: false })}`);
  });

  test('a changed param, a meta attribute and an added resource: three differences, each marked on its own line', () => {
    const text = SEED_SPEC
      .replace('migration-threshold: 1', 'migration-threshold: 3')
      .replace('cidr_netmask: 24', 'cidr_netmask: 25')
      .replace('constraints:\n', '  pause:\n    agent: ocf:pacemaker:Dummy\nconstraints:\n');
    const c = compared(text);
    assert.equal(summaryOf(c), 'Live: 3 differences');
    const marks = driftMarks(c, text);
    const at = (path: string) => {
      const m = marks.find((x) => x.difference.path === path);
      assert.ok(m, `${path} among ${marks.map((x) => x.difference.path).join(', ')}`);
      return { line: lineOf(text, m.span.start), text: text.slice(m.span.start, m.span.end), message: m.message };
    };
    const threshold = at('resources.stash_res.meta.migration-threshold');
    assert.equal(threshold.line, lineOf(text, text.indexOf('migration-threshold: 3')));
    assert.equal(threshold.text, '3');
    assert.equal(threshold.message, "The live cluster has '1' for resources.stash_res.meta.migration-threshold; the spec says '3'.");
    const netmask = at('resources.stash_vip.params.cidr_netmask');
    assert.equal(netmask.text, '25');
    const added = at('resources.pause');
    assert.equal(added.line, lineOf(text, text.indexOf('  pause:')));
    assert.equal(added.message, 'resources.pause is not on the live cluster. Apply creates it.');
  });

  test('what only the cluster has is marked on the key of its section; leftovers and unsupported parts are counted apart', () => {
    const text = SEED_SPEC.replace(/ {2}stash_vip:[\s\S]*?(?=constraints:)/, '').replace(/constraints:[\s\S]*$/, '');
    const c = compared(text);
    const paths = c.open.map((d) => d.path);
    assert.ok(paths.includes('resources.stash_vip'), paths.join(', '));
    const marks = driftMarks(c, text);
    const vip = marks.find((m) => m.difference.path === 'resources.stash_vip');
    assert.equal(text.slice(vip!.span.start, vip!.span.end), 'resources');
    assert.match(vip!.message, /^Only on the live cluster: resources\.stash_vip \(.*\)\. stash-ha apply --prune removes it\.$/);
    const constraints = marks.filter((x) => x.difference.subject.kind === 'constraint');
    assert.equal(constraints.length, 2, "the seed's colocation and order");
    for (const m of constraints) {
      assert.equal(text.slice(m.span.start, m.span.end), 'cluster', 'no constraints key: the cluster key carries it');
    }

    const leftovers = compared(SEED_SPEC, 'leftovers');
    assert.ok(leftovers.leftovers > 0);
    assert.match(summaryOf(leftovers), /^Live: in sync \(\d+ leftovers? of (a move|moves)\)$/);
    const unsupported = compared(SEED_SPEC, 'unsupported');
    assert.ok(unsupported.unsupported > 0);
    assert.match(summaryOf(unsupported), /\(\d+ not in the spec format\)$/);
  });

  test('a param the live cluster has and the spec does not is a change of the whole definition', () => {
    const text = SEED_SPEC.replace(', nic: eth0', '');
    const c = compared(text);
    const nic = c.open.find((d) => d.path === 'resources.stash_vip.params.nic');
    assert.ok(nic);
    assert.equal(driftMessage(nic), "The live cluster has resources.stash_vip.params.nic = 'eth0', which the spec does not state (params are a resource's whole definition); Apply removes it.");
  });

  test('a stated pacemaker the cluster does not run is a version-mismatch on its value; the same line, or none stated, is not', () => {
    const text = `pacemaker: "3.0"\n${SEED_SPEC}`;
    const c = compared(text);
    assert.ok(c.version);
    assert.equal(c.version.code, 'version-mismatch');
    assert.equal(text.slice(c.version.span!.start, c.version.span!.end), '"3.0"');
    assert.deepEqual([c.version.stated, c.version.live], ['3.0', '2.1.5']);
    assert.match(c.version.message, /^This spec is for Pacemaker 3\.0 \(pacemaker: "3\.0"\), but the cluster runs Pacemaker 2\.1\.5: write pacemaker: "2\.1"/);
    assert.equal(summaryOf(c), 'Live: in sync (the cluster runs Pacemaker 2.1.5)');
    assert.equal(compared(`pacemaker: "2.1"\n${SEED_SPEC}`).version, undefined);
    assert.equal(compared(SEED_SPEC).version, undefined);
    assert.equal(compared(`pacemaker: "2.1.5"\n${SEED_SPEC}`).version, undefined, 'a value that is no line is the checker\'s own finding');
  });

  test("the diff editor's live side: what the spec states, in its order, and what only the cluster has; true of the cluster", () => {
    const read = readOf('seed');
    assert.ok(read.answer.ok);
    const live = read.answer.live;
    // A spec that states less than the cluster has: no ops, no start timeout, params in another order, no VIP.
    const stated = SEED_SPEC.replace(/ {4}ops:\n(?: {6}.*\n)+/, '').replace(/ {2}stash_vip:[\s\S]*?(?=constraints:)/, '')
      .replace(/params: \{ .* \}/, 'params: { stash_user: stash, stash_inst: /srv/stash, stash_home: /srv/shared/stash-home }');
    const spec = specOf(stated);
    assert.deepEqual(spec.resources[0].params.map((p) => p.name), ['stash_user', 'stash_inst', 'stash_home']);
    assert.ok(live.desired.properties.length > 0, 'the fixture has properties the spec does not state');
    const text = writeSpec(liveShapedLikeSpec(spec, live), { catalog: createCatalog() });
    assert.doesNotMatch(text, /^properties:/m);
    const stashBlock = /^ {2}stash_res:\n((?: {4}.*\n)+)/m.exec(text)?.[1] ?? '';
    assert.doesNotMatch(stashBlock, /^ {4}ops:/m, 'the spec states no operation of stash_res');
    assert.match(stashBlock, / {4}meta: \{ migration-threshold: 1 \}/);
    assert.match(text, /^ {2}stash_vip:\n(?: {4}.*\n)* {4}ops:/m, 'a live-only resource is shown whole');
    const resources = [...text.matchAll(/^ {2}(\w+):\n {4}agent:/gm)].map((m) => m[1]);
    assert.deepEqual(resources, ['stash_res', 'stash_vip'], 'the spec\'s resource first, the live-only one after');
    const stashParams = /^ {2}stash_res:\n {4}agent: .*\n {4}params: \{ (.*) \}$/m.exec(text)?.[1].split(', ').map((p) => p.split(':')[0]);
    assert.deepEqual(stashParams, spec.resources[0].params.map((p) => p.name), "params in the spec's order");
    assert.ok(inSync(diffClusters(specOf(text), live)), 'read as a spec, the live side is true of the cluster');
    // Near miss: unshaped, the same cluster written as import writes it states its properties.
    assert.match(writeSpec(live, { catalog: createCatalog() }), /^properties:/m);
  });

  test('a CIB that could not be read is said, not compared', () => {
    const s = compareWithLive(SEED_SPEC, { takenAt: '2026-12-03T10:31:05.000Z', answer: { ok: false, node: 'node01', error: 'node01: the CIB is not XML' } });
    assert.deepEqual(s, { kind: 'unreadable', error: 'node01: the CIB is not XML' });
  });

  test('a spec that does not parse compares what could be read, and marks nothing past its text', () => {
    const text = 'cluster: stashlab\nresources: [\n';
    const c = compared(text);
    for (const m of driftMarks(c, text)) assert.ok(m.span.end <= text.length, JSON.stringify(m.span));
  });
});
