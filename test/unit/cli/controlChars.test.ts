// What nodes say reaches the terminal without control sequences: a Stash status
// page (or pcs, or ssh) that answers with escape sequences cannot clear the
// screen, retitle the window or hide text when stash-ha prints it. JSON output
// stays JSON (its strings carry such characters escaped).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../cli/src/main';
import { systemClock } from '../../../client/src/remote/processRunner';
import { FakeNodes } from '../cluster/fakeNodes';
import { fixturePath } from '../cluster/snapshots';
import { memoryIo } from './memoryIo';

const SPEC = 'cluster: c\nnodes:\n  node01: { address: node01 }\nresources:\n  stash: { agent: ocf:heartbeat:stash, params: { stash_user: s, stash_home: /h, stash_inst: /i } }\n';
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let fake: FakeNodes | undefined;
afterEach(() => fake?.dispose());

describe('remote text on the terminal', () => {
  test('a status page answering with escape sequences: printed without them, in text and on stderr with --verbose', async () => {
    // A state with a screen clear, a window title (OSC ... BEL) and a C1 CSI.
    fake = new FakeNodes({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-healthy.xml'), curlBody: '{"state":"\\u001b[2J\\u001b]0;pwned\\u0007RUN\\u009b1mNING"}', curlRc: 0 } });
    const io = memoryIo({ 'c.cluster.yaml': SPEC });
    assert.equal(await main(['status', '--verbose', 'c.cluster.yaml'], io, { runner: fake, clock: systemClock }), 0, io.stderr());
    assert.doesNotMatch(io.stdout(), CONTROL, JSON.stringify(io.stdout()));
    assert.doesNotMatch(io.stderr(), CONTROL, JSON.stringify(io.stderr()));
    assert.match(io.stdout(), /Stash: 0;pwnedRUN1mNING/, 'the sequences go, their printable rest stays visible');

    const json = memoryIo({ 'c.cluster.yaml': SPEC });
    assert.equal(await main(['status', '--format', 'json', 'c.cluster.yaml'], json, { runner: fake, clock: systemClock }), 0);
    const snapshot = JSON.parse(json.stdout()) as { stash: { state: string }[] };
    assert.equal(snapshot.stash[0].state, '\u001b[2J\u001b]0;pwned\u0007RUN1mNING', 'JSON keeps the text, escaped, but for the raw C1 character');
  });
});
