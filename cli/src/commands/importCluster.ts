/**
 * `stash-ha import HOST`: a spec of the cluster HOST belongs to, read in one round
 * trip (the CIB and corosync's nodes) and written as short as what the admin would
 * have typed (server/src/spec/specWriter.ts). HOST is an ssh config host or
 * `user@host[:port]`. What the format cannot say is listed at the top of the spec
 * and on standard error, and makes the exit status 1; the spec is written anyway.
 */
import { hostTarget, importCluster, importSpec } from '../../../client/src/cluster/importSpec';
import { outcomeOfFailure } from '../../../client/src/cluster/operationReport';
import { SshTarget } from '../../../client/src/remote/sshOptions';
import { UsageError } from '../args';
import { SSH_OPTIONS, withSpecCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { readFailureReason } from '../io';

/** `node01`, `admin@node01`, `admin@10.0.0.1:2222`, `[fe80::1]:22`: where to connect. */
export function parseHost(text: string): SshTarget {
  const target = hostTarget(text);
  if (typeof target === 'string') throw new UsageError(target);
  return target;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'write a spec of a running cluster',
  positional: { names: ['HOST'] },
  description: 'Connects to HOST (an ssh config host, or user@host[:port]), reads the cluster it belongs to (the CIB\n' +
    "and corosync's node list, one round trip) and prints a spec of it, or writes FILE. Operations are\n" +
    'written only where they differ from what pcs creates from the agent\'s meta-data, so a cluster\n' +
    'built by hand comes back as about what was typed; leftover move/ban constraints are skipped.\n' +
    'What the spec format cannot say is listed at the top of the spec and on standard error.',
  options: [
    { name: 'output', short: 'o', value: 'FILE', help: 'write the spec to FILE instead of standard output' },
    { name: 'force', help: 'overwrite FILE if it exists' },
    ...SSH_OPTIONS,
  ],
  exits: {
    ...CLUSTER_EXITS, [EXIT.ok]: 'written', [EXIT.failed]: 'written, but some of the cluster could not be said in a spec (listed); or the cluster could not be read',
    [EXIT.usage]: 'usage error, or FILE exists (without --force) or cannot be written', [EXIT.unreachable]: 'HOST could not be reached',
  },

  async run(args, io, deps) {
    const host = args.positionals[0];
    const target = parseHost(host);
    const output = args.value('output');
    return withSpecCluster(importCluster(host, target), host, args, io, deps, async (connection) => {
      const imported = await importSpec(connection, host, target);
      if (!imported.ok) {
        io.err(`stash-ha: import: cannot read the cluster: ${imported.error}\n`);
        return imported.failure ? exitOf(outcomeOfFailure(imported.failure)) : EXIT.failed;
      }
      const { text, live } = imported;
      for (const e of imported.errors) io.err(`stash-ha: import: the spec written has an error (please report it): ${e.code}: ${e.message}\n`);
      if (output === undefined) {
        io.out(text);
      } else {
        try {
          await io.writeText(output, text, { exclusive: !args.flag('force') });
        } catch (error) {
          const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
          io.err(`stash-ha: import: cannot write ${output}: ${readFailureReason(error)}${exists ? ' (--force overwrites it)' : ''}\n`);
          return EXIT.usage;
        }
        io.err(`stash-ha: import: wrote ${output} (${live.desired.resources.length} resources, ${live.desired.nodes.length} nodes)\n`);
      }
      if (live.unsupported.length === 0) return EXIT.ok;
      io.err(`stash-ha: import: the spec format cannot say ${live.unsupported.length} things of this cluster; they are listed at the top of the spec:\n` +
        live.unsupported.map((u) => `  ${u.what} (${u.path})\n`).join(''));
      return EXIT.failed;
    });
  },
};
