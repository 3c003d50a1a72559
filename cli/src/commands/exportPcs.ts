/**
 * `stash-ha export --format pcs SPEC`: the shell script of pcs commands that builds
 * the spec's cluster from nothing (client/src/cluster/exportScript.ts), for pcs 0.10
 * and later (`--pcs 0.12`: constraint scores as `score=`) or, with `--pcs 0.9`, CentOS 7's. A spec with lint errors gets no script.
 * Nothing here connects to a cluster.
 */
import { buildModel, desiredCluster } from '../../../server/src';
import { exportScript } from '../../../client/src/cluster/exportScript';
import { pcsSyntax } from '../../../client/src/cluster/pcsConfigArgv';
import { HELP_OPTION, UsageError } from '../args';
import { readSpecText } from '../clusterRun';
import { CliCommand } from '../command';
import { EXIT } from '../exitStatus';
import { METADATA_OPTION } from './lint';
import { checkSpec } from './specCheck';

/**
 * The pcs release whose syntax to write: --pcs, else by the spec's `pacemaker` (1.1
 * came with pcs 0.9, 2.1 with 0.11, 3.0 with 0.12, which wants `score=` on
 * constraints), else 0.10's, which 0.11 still reads.
 */
function releaseFor(option: string | undefined, pacemaker: string | undefined): string {
  if (option !== undefined) return option;
  if (pacemaker === '1.1') return '0.9';
  if (pacemaker === '3.0') return '0.12';
  return pacemaker === '2.1' ? '0.11' : '0.10';
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'print the pcs commands that build a spec\'s cluster',
  positional: { names: ['SPEC'] },
  description: 'Prints a shell script of pcs commands that builds what SPEC states from nothing: resources with their\n' +
    'operations and meta attributes, clones, groups, constraints, properties and defaults. Like apply,\n' +
    'the script runs them on a copy of the CIB and pushes it as one change; run it as root on a node of\n' +
    'the running cluster (`bash script.sh`). Every word from the spec is quoted. Nothing is sent anywhere.',
  options: [
    { name: 'format', value: 'FORMAT', choices: ['pcs'], help: 'what to print (required): pcs, a script of pcs commands' },
    { name: 'pcs', value: 'VERSION', choices: ['0.9', '0.10', '0.11', '0.12'], help: "the pcs release to write for (default 0.10, which 0.11 reads too;\n0.11 when the spec says pacemaker: 2.1, 0.12 for 3.0); 0.9 is CentOS 7's" },
    METADATA_OPTION,
    HELP_OPTION,
  ],
  exits: { [EXIT.ok]: 'printed', [EXIT.failed]: 'the spec has errors (shown; no script)', [EXIT.usage]: 'usage error or unreadable input' },

  async run(args, io) {
    if (args.value('format') === undefined) throw new UsageError('--format pcs is required (the one format export writes)');
    const path = args.positionals[0];
    const text = await readSpecText(path, io);
    if (text === undefined) return EXIT.usage;
    const checked = await checkSpec(path, text, args, io, 'no script was written');
    if (checked !== 'ok') return checked === 'usage' ? EXIT.usage : EXIT.failed;
    const spec = desiredCluster(buildModel(text));
    io.out(exportScript(spec, pcsSyntax(releaseFor(args.value('pcs'), spec.pacemaker?.text)), path));
    return EXIT.ok;
  },
};
