/**
 * The exit statuses of `stash-ha`, one table for every subcommand (spec-format.md,
 * "The command line" and "The cluster subcommands"): scripts rely on them. A
 * subcommand's help says what each means for it, in its own words.
 */
import { OutcomeKind } from '../../client/src/cluster/operationReport';

export const EXIT = {
  /** Done: no errors found, the status shown, the operation done and verified. */
  ok: 0,
  /** Findings (lint: an error) or refused by a pre-flight check, or failed. */
  failed: 1,
  /** A usage error, or input that cannot be read. */
  usage: 2,
  /** No node could be reached. */
  unreachable: 3,
  /** A host key was refused: unknown and not accepted, or changed. */
  hostKey: 4,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** The exit status an operation's outcome stands for. */
export function exitOf(outcome: OutcomeKind): ExitStatus {
  switch (outcome) {
    case 'done': return EXIT.ok;
    case 'unreachable': return EXIT.unreachable;
    case 'host-key': return EXIT.hostKey;
    default: return EXIT.failed;
  }
}

/** What each status means for the cluster subcommands, for their help. */
export const CLUSTER_EXITS: Readonly<Partial<Record<ExitStatus, string>>> = {
  [EXIT.ok]: 'done',
  [EXIT.failed]: 'refused by a pre-flight check or failed',
  [EXIT.usage]: 'usage error or unreadable input',
  [EXIT.unreachable]: 'a node could not be reached',
  [EXIT.hostKey]: 'a host key was refused',
};
