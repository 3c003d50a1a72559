/**
 * `export --format pcs`: the shell script that builds a spec's cluster from nothing —
 * the plan apply would make against a cluster with nothing configured (resources
 * with their operations and meta, clones, groups, constraints, properties,
 * defaults), for the pcs release given. Like apply it runs the commands on a copy
 * of the CIB and pushes them as one change, so the cluster never runs half of it.
 * Every word that comes from the spec is single-quoted. The nodes themselves are
 * the cluster's setup, named in a comment. Pure: text in, text out.
 */
import { DesiredCluster, diffClusters, LiveCluster } from '../../../server/src';
import { singleQuoted } from '../remote/shellQuote';
import { planApply } from './applyPlan';
import { PcsSyntax } from './pcsConfigArgv';

/** A cluster with nothing configured: what the script starts from. */
const NOTHING: LiveCluster = {
  desired: {
    nodes: [], resources: [], groups: [], constraints: { colocations: [], orders: [], locations: [] },
    properties: [], resourceDefaults: [], opDefaults: [], stash: [], problems: [],
  },
  version: { adminEpoch: 0, epoch: 0, numUpdates: 0 },
  unsupported: [],
  leftovers: [],
};

function words(argv: readonly string[]): string {
  return argv.map(singleQuoted).join(' ');
}

/** `pcs cluster setup` for the spec's nodes, in the release's syntax (a comment: the script does not run it). */
function setupLine(spec: DesiredCluster, syntax: PcsSyntax): string {
  const name = spec.name?.text ?? 'cluster';
  if (syntax.setupNameOption) return `pcs cluster setup --name ${words([name, ...spec.nodes.map((n) => n.name)])} --start`;
  const nodes = spec.nodes.flatMap((n) => [n.name, ...(n.address ? [`addr=${n.address.text}`] : [])]);
  return `pcs cluster setup ${words([name, ...nodes])} --start`;
}

/** The script, for a spec read from `source`. */
export function exportScript(spec: DesiredCluster, syntax: PcsSyntax, source: string): string {
  const plan = planApply(spec, NOTHING, diffClusters(spec, NOTHING), { syntax });
  const release = syntax.setupNameOption ? 'pcs 0.9.156 or later (CentOS 7)' : 'pcs 0.10 or later';
  const lines = [
    '#!/bin/sh',
    '# shellcheck disable=SC2016 # every word from the spec is single-quoted on purpose: nothing in it expands',
    `# Builds the cluster of ${source.replace(/[\r\n]/g, ' ')} with ${release} (stash-ha export --format pcs).`,
    '# Run it as root on one node once the cluster is up; the cluster itself is set up with',
    `#   ${setupLine(spec, syntax).replace(/[\r\n]/g, ' ')}`,
    '# Each command changes a copy of the CIB; the last line pushes them as one change, so',
    '# the cluster never runs half of it (Stash never starts before its constraints exist).',
    'set -eu',
    'cib=$(mktemp -d)',
    'trap \'rm -rf "$cib"\' EXIT',
    'pcs cluster cib "$cib/original.xml"',
    'cp "$cib/original.xml" "$cib/new.xml"',
    ...plan.steps.map((s) => `pcs -f "$cib/new.xml" ${words(s.argv.slice(1))}`),
    'pcs cluster cib-push "$cib/new.xml" diff-against="$cib/original.xml"',
  ];
  return `${lines.join('\n')}\n`;
}
