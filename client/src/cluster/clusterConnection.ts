/**
 * A cluster as seen through its nodes: sends the status query to the node that
 * answered last (its shared connection is warm), and to the next as well when
 * that one is slow or cannot be reached, and remembers per node which
 * Pacemaker and pcs versions it runs. Commands for operations go through here
 * too, to a node that answers. Not a singleton: one per cluster spec, closed by
 * its owner.
 */
import { Logger } from '../remote/logger';
import { Clock } from '../remote/processRunner';
import { RemoteCommand, RemoteResult } from '../remote/remoteCommand';
import { RemoteFailure } from '../remote/sshFailure';
import { SshTarget } from '../remote/sshOptions';
import { SshSession } from '../remote/sshSession';
import { assembleSnapshot, withStashAnswers } from './assembleSnapshot';
import { ClusterSnapshot, deepFreeze, StashAppStatus } from './snapshot';
import { DEFAULT_STASH_STATUS_URL, readCib } from '../../../server/src';
import { LiveAnswer, parseCmap, parseCorosyncConf } from './liveQuery';
import { readStashSection, StashProbe } from './stashProbe';
import { QuerySections, QueryMode, splitSections, statusQuery } from './statusQuery';
import { pcsVersionOf } from './pcsProfile';

export interface ClusterNode {
  /** The node's name in the spec (and, normally, in the cluster). */
  readonly name: string;
  readonly target: SshTarget;
}

export interface ConnectionOptions {
  /** Stash status pages to read; default: every Stash resource at http://localhost:7990/status. */
  readonly stashProbes?: readonly StashProbe[];
  /** Deadline of one status query to one node. */
  readonly statusTimeoutMs?: number;
  /** Wall-clock time for snapshots (tests pass a fixed one). */
  readonly date?: () => Date;
  /** How long the first node asked may take before the next is asked as well (default 1.5 s). */
  readonly hedgeMs?: number;
  /** Starts the hedge's timer (default setTimeout; tests fire it by hand). */
  readonly hedgeTimer?: (ms: number, fire: () => void) => () => void;
  /**
   * Ask a node's `pcs --version` in the background once it has answered its first
   * status, so an operation through it does not wait the 1–2 s pcs takes to start.
   * For connections that stay open (the editor's); off for one-shot commands.
   */
  readonly warmPcsVersion?: boolean;
}

type Assembled = Extract<ReturnType<typeof assembleSnapshot>, { ok: true }>;
type NodeAnswer = { readonly ok: true; readonly assembled: Assembled; readonly sections: QuerySections } | { readonly ok: false };

/** The live cluster as a status query read it: when, and the CIB with corosync's nodes as one value of the spec's type. */
export interface LiveRead {
  readonly takenAt: string;
  readonly answer: LiveAnswer;
}

/** The CIB part of a status answer, kept as text until someone compares a spec with it. */
interface CibText {
  readonly node: string;
  readonly host?: string;
  readonly takenAt: string;
  readonly cib: string;
  readonly sections: QuerySections;
  parsed?: LiveRead;
}

/** How asking one node went. */
export interface NodeAttempt {
  readonly node: string;
  readonly durationMs: number;
  readonly error?: string;
  readonly failure?: RemoteFailure;
}

export type StatusOutcome =
  | { readonly ok: true; readonly snapshot: ClusterSnapshot; readonly attempts: readonly NodeAttempt[] }
  | { readonly ok: false; readonly error: string; readonly attempts: readonly NodeAttempt[] };

/** Failures after which the command certainly did not run, so another node may be tried. */
const NOT_RUN = new Set(['unreachable', 'host-key-unknown', 'host-key-changed', 'auth-failed']);

export class ClusterConnection {
  private preferred?: string;
  private readonly modes = new Map<string, QueryMode>();
  private readonly pacemakerVersions = new Map<string, string>();
  private readonly pcsVersions = new Map<string, string>();
  private readonly pcsAsking = new Map<string, Promise<{ version?: string; result?: RemoteResult }>>();
  private readonly probes: readonly StashProbe[];
  private readonly urls: readonly string[];
  private latestCib?: CibText;

  constructor(
    readonly nodes: readonly ClusterNode[],
    private readonly session: SshSession,
    private readonly deps: { readonly clock: Clock; readonly logger: Logger },
    private readonly options: ConnectionOptions = {},
  ) {
    if (nodes.length === 0) throw new Error('ClusterConnection: a cluster needs at least one node');
    // A Stash resource the spec does not name (or names differently) is still asked at the default page.
    const probes = options.stashProbes ?? [];
    this.probes = probes.some((p) => p.resource === '*') ? probes : [...probes, { resource: '*', url: DEFAULT_STASH_STATUS_URL }];
    this.urls = [...new Set(this.probes.map((p) => p.url))];
  }

  /** Nodes in the order they are asked: the last one that answered first, then spec order. */
  order(): ClusterNode[] {
    const first = this.nodes.filter((n) => n.name === this.preferred);
    return [...first, ...this.nodes.filter((n) => n.name !== this.preferred)];
  }

  node(name: string): ClusterNode | undefined {
    return this.nodes.find((n) => n.name === name);
  }

  /**
   * Takes one snapshot: one query to the first node that answers (two when Stash
   * must be asked elsewhere). The node that answered last is asked first; when it
   * has not answered within `hedgeMs` (a node that died keeps its shared
   * connection waiting for a while), the next node is asked too, and the first
   * good answer is taken; not while a person is asked about the first node's host
   * key (one prompt at a time). A failure moves on to the next node at once.
   */
  async status(): Promise<StatusOutcome> {
    const attempts: NodeAttempt[] = [];
    const queue = this.order();
    const hedgeMs = this.options.hedgeMs ?? 1_500;
    const startTimer = this.options.hedgeTimer ?? ((ms: number, fire: () => void) => {
      const t = setTimeout(fire, ms);
      return () => clearTimeout(t);
    });
    const running = new Map<string, Promise<{ node: ClusterNode; answer: NodeAnswer }>>();
    // The order nodes were asked in: only a node asked before the one that answered
    // had its full hedgeMs and is named slow; one asked after it was only a backup.
    const askedAt = new Map<string, number>();
    const launch = (): void => {
      const node = queue.shift();
      if (node === undefined) return;
      askedAt.set(node.name, askedAt.size);
      running.set(node.name, this.ask(node, attempts).then((answer) => ({ node, answer })));
    };
    launch();
    while (running.size > 0) {
      let cancel: (() => void) | undefined;
      const timer = queue.length === 0 ? undefined : new Promise<'hedge'>((resolve) => { cancel = startTimer(hedgeMs, () => resolve('hedge')); });
      const first = await Promise.race([...running.values(), ...(timer ? [timer] : [])]);
      cancel?.();
      if (first === 'hedge') {
        // A node whose host key a person is being asked about is not slow: asking the next
        // node meanwhile would stack a second prompt on the first. Wait for the answer.
        if (![...running.keys()].some((name) => this.awaitingHostKeyAnswer(name))) launch();
        continue;
      }
      running.delete(first.node.name);
      if (!first.answer.ok) {
        launch();
        continue;
      }
      const { assembled } = first.answer;
      this.modes.set(first.node.name, assembled.format === 'crm_mon-1.1' ? '1' : '2');
      this.pacemakerVersions.set(first.node.name, assembled.snapshot.pacemakerVersion);
      this.preferred = first.node.name;
      if (assembled.cib !== undefined) {
        const { host } = first.answer.sections;
        this.latestCib = { node: first.node.name, ...(host ? { host } : {}), takenAt: assembled.snapshot.takenAt, cib: assembled.cib, sections: first.answer.sections };
      }
      if (this.options.warmPcsVersion === true) void this.pcsVersion(first.node.name);
      let snapshot = assembled.snapshot;
      const answeredAt = askedAt.get(first.node.name) ?? 0;
      const slowNames = [...running.keys()].filter((name) => (askedAt.get(name) ?? 0) < answeredAt);
      const slow = slowNames.map((name) => this.node(name)).filter((n) => n !== undefined)
        .map((n) => `${n.name} (${n.target.host}): no answer within ${hedgeMs / 1000} s, so the status was taken from ${first.node.name}`);
      if (slow.length > 0) snapshot = deepFreeze({ ...snapshot, warnings: [...snapshot.warnings, ...slow] });
      // A node that failed or has not answered yet is not asked again for Stash's page in this refresh.
      const silent = new Set([...slowNames, ...attempts.filter((a) => a.error !== undefined).map((a) => a.node)]);
      if (assembled.pendingStash.length > 0) snapshot = await this.askStashElsewhere(snapshot, assembled.pendingStash, silent);
      return { ok: true, snapshot, attempts: [...attempts] };
    }
    return { ok: false, error: `no node answered the status query:\n${attempts.map((a) => `  ${a.error}`).join('\n')}`, attempts: [...attempts] };
  }

  private awaitingHostKeyAnswer(nodeName: string): boolean {
    const node = this.node(nodeName);
    try {
      return node !== undefined && this.session.host(node.target).awaitingHostKeyAnswer;
    } catch {
      return false; // closed meanwhile: the query in flight ends with the connection
    }
  }

  /** Asks one node for the status; its attempt is recorded either way. */
  private async ask(node: ClusterNode, attempts: NodeAttempt[]): Promise<NodeAnswer> {
    const started = this.deps.clock.now();
    const { command, marker } = statusQuery(this.modes.get(node.name) ?? 'auto', this.urls, this.options.statusTimeoutMs ?? 20_000);
    const result = await this.session.exec(node.target, command);
    const elapsed = (): number => this.deps.clock.now() - started;
    if (result.failure) {
      attempts.push({ node: node.name, durationMs: elapsed(), error: result.failure.message, failure: result.failure });
      return { ok: false };
    }
    const sections = splitSections(result.stdout, marker);
    const assembled = assembleSnapshot({
      sections, queriedNode: node.name, probes: this.probes, urls: this.urls,
      takenAt: (this.options.date ?? (() => new Date()))(), warnings: attempts.map((a) => a.error ?? ''),
    });
    if (!assembled.ok) {
      attempts.push({ node: node.name, durationMs: elapsed(), error: `${assembled.error}${result.stderr.trim() ? ` (${result.stderr.trim()})` : ''}` });
      return { ok: false };
    }
    attempts.push({ node: node.name, durationMs: elapsed() });
    return { ok: true, assembled, sections };
  }

  /**
   * The live cluster as the last status query read it (the whole CIB and corosync's
   * nodes come with every status), read into the spec's type the first time it is
   * asked for; undefined before a status answered. No round trip of its own.
   */
  live(): LiveRead | undefined {
    const c = this.latestCib;
    if (c === undefined) return undefined;
    if (c.parsed === undefined) {
      const { cmap, corosyncConf } = c.sections;
      const corosync = cmap?.rc === 0 ? parseCmap(cmap.body) : corosyncConf?.rc === 0 ? parseCorosyncConf(corosyncConf.body) : undefined;
      const read = readCib(c.cib, corosync);
      c.parsed = {
        takenAt: c.takenAt,
        answer: read.ok
          ? { ok: true, live: read.live, ...(corosync ? { corosync } : {}), node: c.node, ...(c.host ? { host: c.host } : {}) }
          : { ok: false, node: c.node, error: `${c.node}: ${read.error}` },
      };
    }
    return c.parsed;
  }

  /** Reads Stash's status page on the node that runs it; that node is asked first next time. */
  private async askStashElsewhere(snapshot: ClusterSnapshot, pending: readonly { resource: string; node: string; url: string }[],
    silent: ReadonlySet<string>): Promise<ClusterSnapshot> {
    const answers: StashAppStatus[] = [];
    const warnings: string[] = [];
    for (const p of pending) {
      const node = this.node(p.node);
      if (node === undefined) {
        answers.push({ resource: p.resource, url: p.url, node: p.node, error: `${p.node} is not a node of the spec, so it cannot be asked` });
        continue;
      }
      if (silent.has(p.node)) {
        answers.push({ resource: p.resource, url: p.url, node: p.node, error: `${p.node} did not answer the status query, so its Stash was not asked` });
        continue;
      }
      const { command, marker } = statusQuery('stash', [p.url], 10_000);
      const result = await this.session.exec(node.target, command);
      if (result.failure) {
        warnings.push(result.failure.message);
        answers.push({ resource: p.resource, url: p.url, node: p.node, error: `could not ask ${p.node}: ${result.failure.kind}` });
        continue;
      }
      answers.push({ resource: p.resource, url: p.url, node: p.node, ...readStashSection(splitSections(result.stdout, marker).stash[0]) });
      this.preferred = p.node;
    }
    return withStashAnswers(snapshot, answers, warnings);
  }

  /**
   * Runs a command on `nodeName`, or (without one) on the first node that can be
   * reached. Another node is tried only when the command certainly did not run.
   */
  async run(command: RemoteCommand, nodeName?: string): Promise<RemoteResult> {
    const candidates = nodeName === undefined ? this.order() : this.nodes.filter((n) => n.name === nodeName);
    if (candidates.length === 0) {
      return { node: nodeName ?? '?', exitCode: -1, stdout: '', stderr: '', durationMs: 0,
        failure: { kind: 'invalid-argument', message: `${nodeName} is not a node of this cluster spec` } };
    }
    let last: RemoteResult | undefined;
    for (const node of candidates) {
      last = await this.session.exec(node.target, command);
      if (!last.failure || !NOT_RUN.has(last.failure.kind)) {
        // A node picked by the caller says nothing about which node to ask first next time.
        if (!last.failure && nodeName === undefined) this.preferred = node.name;
        return last;
      }
    }
    return last as RemoteResult;
  }

  /**
   * Where a node is reached once the ssh config is applied (`ssh -G`, no network):
   * `hostname:port`, the same for two spec nodes that are one machine's sshd;
   * undefined when the node is unknown or ssh cannot read its configuration.
   */
  async endpoint(nodeName: string): Promise<string | undefined> {
    const node = this.node(nodeName);
    if (node === undefined) return undefined;
    const resolution = await this.session.host(node.target).resolve();
    return resolution.ok ? `${resolution.target.hostname}:${resolution.target.port}` : undefined;
  }

  /** pcs's version on a node (`pcs --version`), asked once per node; callers asking meanwhile share the question. */
  async pcsVersion(nodeName?: string): Promise<{ version?: string; result?: RemoteResult }> {
    const name = nodeName ?? this.order()[0].name;
    const cached = this.pcsVersions.get(name);
    if (cached) return { version: cached };
    const asking = this.pcsAsking.get(name);
    if (asking) return asking;
    const question = (async () => {
      const result = await this.run({ argv: ['pcs', '--version'] }, name);
      const version = pcsVersionOf(result.stdout);
      if (result.failure || version === undefined) return { result };
      this.pcsVersions.set(name, version);
      return { version };
    })().finally(() => this.pcsAsking.delete(name));
    this.pcsAsking.set(name, question);
    return question;
  }

  /** The Pacemaker release the last status query through a node reported, if it was asked. */
  pacemakerVersion(nodeName: string): string | undefined {
    return this.pacemakerVersions.get(nodeName);
  }

  /** Ends the shared ssh connections. */
  close(): Promise<void> {
    return this.session.close();
  }
}
