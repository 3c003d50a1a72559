import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isNodeLocal, readStashSection } from '../../../client/src/cluster/stashProbe';
import { newMarker, releaseOf, splitSections, statusQuery } from '../../../client/src/cluster/statusQuery';

describe('status script output', () => {
  test('sections are split by the marker; a forged marker inside output is just text', () => {
    const m = newMarker();
    const forged = newMarker();
    const out = [`${m} host`, 'node01', `${m} crm_mon`, '<xml/>', `${forged} constraints`, '',
      `${m} rc 0`, `${m} cib`, '<cib/>', '', `${m} rc 0`, `${m} cmap`, 'nodelist.node.0.name (str) = node01', `${m} rc 0`, `${m} stash 1`, '{"state":"RUNNING"}', '200', `${m} rc 0`, ''].join('\n');
    const s = splitSections(out, m);
    assert.equal(s.host, 'node01');
    assert.deepEqual(s.crmMon, { body: `<xml/>\n${forged} constraints`, rc: 0 });
    assert.deepEqual(s.cib, { body: '<cib/>', rc: 0 });
    assert.deepEqual(s.cmap, { body: 'nodelist.node.0.name (str) = node01', rc: 0 });
    assert.deepEqual(s.stash, [{ body: '{"state":"RUNNING"}\n200', rc: 0 }]);
  });

  test('a cut-off section has no exit code', () => {
    const m = newMarker();
    assert.deepEqual(splitSections(`${m} crm_mon\n<pacemaker-result>`, m).crmMon, { body: '<pacemaker-result>' });
  });

  test('the command passes marker, mode and URLs as arguments, never in the script', () => {
    const { command, marker } = statusQuery('auto', ["http://localhost:7990/st'atus"], 5000);
    assert.deepEqual(command.argv.slice(0, 2), ['sh', '-c']);
    assert.deepEqual(command.argv.slice(3), ['sh', marker, 'auto', "http://localhost:7990/st'atus"]);
    assert.ok(!command.argv[2].includes('localhost'));
    assert.equal(command.timeoutMs, 5000);
  });

  test('releases from version strings', () => {
    assert.equal(releaseOf('2.1.5-a3f44794f94'), '2.1.5');
    assert.equal(releaseOf('1.1.23-1.el7_9.1-9acf116022'), '1.1.23');
    assert.equal(releaseOf(undefined), undefined);
  });
});

describe("Stash's status page", () => {
  test('RUNNING, STARTING with 503, not JSON, curl errors', () => {
    assert.deepEqual(readStashSection({ body: '{"state":"RUNNING"}\n200', rc: 0 }), { state: 'RUNNING', httpStatus: 200 });
    assert.deepEqual(readStashSection({ body: '{"state":"STARTING"}\n503', rc: 0 }), { state: 'STARTING', httpStatus: 503 });
    assert.deepEqual(readStashSection({ body: '<html>Not Found</html>\n404', rc: 0 }), { httpStatus: 404, error: 'not a Stash status answer (HTTP 404)' });
    assert.match(readStashSection({ body: '', rc: 7 }).error ?? '', /connection refused/);
    assert.match(readStashSection({ body: '', rc: 127 }).error ?? '', /curl is not installed/);
    assert.match(readStashSection(undefined).error ?? '', /not asked/);
  });

  test('node-local URLs', () => {
    assert.equal(isNodeLocal('http://localhost:7990/status'), true);
    assert.equal(isNodeLocal('http://127.0.0.1:7990/status'), true);
    assert.equal(isNodeLocal('http://[::1]:7990/status'), true);
    assert.equal(isNodeLocal('https://stash.example.com/status'), false);
  });
});
