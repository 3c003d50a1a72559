/**
 * A snapshot as text for a terminal, the way `pcs status` lays it out: summary,
 * nodes, resources (groups and clones indented), Stash's own state beside its
 * resource, then whatever needs attention (failures, fail counts, leftover
 * constraints, warnings). A pure function of the snapshot.
 */
import { ClusterSnapshot, PrimitiveStatus, ResourceStatus, StashAppStatus } from '../../../client/src/cluster/snapshot';
import { runningOn } from '../../../client/src/cluster/snapshotQueries';
import { formatScore } from '../../../server/src';

function flags(p: PrimitiveStatus): string {
  const f = [
    p.failed ? 'FAILED' : '', !p.managed ? 'unmanaged' : '', p.blocked ? 'blocked' : '',
    p.targetRole === 'Stopped' ? 'disabled' : '', p.orphaned ? 'orphaned' : '',
  ].filter((x) => x !== '');
  return f.length ? ` (${f.join(', ')})` : '';
}

function stashLine(stash: readonly StashAppStatus[], id: string): string {
  const s = stash.find((x) => x.resource === id);
  if (s === undefined) return '';
  return s.state ? `  Stash: ${s.state}` : `  Stash: unknown (${s.error ?? 'no answer'})`;
}

function primitiveLine(p: PrimitiveStatus, stash: readonly StashAppStatus[], indent: string): string {
  const where = p.nodes.length ? ` on ${p.nodes.join(', ')}` : '';
  return `${indent}${p.id} (${p.agent}): ${p.role}${where}${flags(p)}${stashLine(stash, p.id)}`;
}

function resourceLines(r: ResourceStatus, stash: readonly StashAppStatus[]): string[] {
  if (r.kind === 'primitive') return [primitiveLine(r, stash, '  ')];
  if (r.kind === 'group') {
    return [`  group ${r.id}${r.disabled ? ' (disabled)' : ''}${r.managed ? '' : ' (unmanaged)'}`, ...r.members.map((m) => primitiveLine(m, stash, '    '))];
  }
  const on = runningOn(r);
  const promoted = r.instances.flatMap((i) => (i.kind === 'primitive' && i.role === 'Promoted' ? i.nodes : []));
  return [`  ${r.promotable ? 'promotable clone' : 'clone'} ${r.id}: ${on.length ? `running on ${on.join(', ')}` : 'stopped'}` +
    `${promoted.length ? `; promoted on ${promoted.join(', ')}` : ''}${r.disabled ? ' (disabled)' : ''}${r.failed ? ' (FAILED)' : ''}`];
}

export function statusText(s: ClusterSnapshot, clusterName?: string): string {
  const out: string[] = [];
  out.push(`Cluster${clusterName ? ` ${clusterName}` : ''}: Pacemaker ${s.pacemakerVersion}, asked ${s.queriedNode} at ${s.takenAt}`);
  out.push(`  quorum: ${s.quorum ? 'yes' : 'NO'}; DC: ${s.dc ?? 'none'}${s.options.stonithEnabled === false ? '; fencing disabled' : ''}${s.options.maintenanceMode ? '; MAINTENANCE MODE' : ''}`);
  out.push('Nodes:');
  for (const n of s.nodes) out.push(`  ${n.name}: ${n.state}${n.isDc ? ' (DC)' : ''}`);
  out.push('Resources:');
  if (s.resources.length === 0) out.push('  none');
  for (const r of s.resources) out.push(...resourceLines(r, s.stash));
  if (s.failures.length) {
    out.push('Failed operations:');
    for (const f of s.failures) {
      out.push(`  ${f.resource} ${f.operation}${f.intervalMs ? ` (every ${f.intervalMs / 1000} s)` : ''} on ${f.node}: ${f.exitStatus} (exit ${f.exitCode})${f.exitReason ? `: ${f.exitReason}` : ''}`);
    }
  }
  if (s.failCounts.length) {
    out.push('Fail counts:');
    for (const c of s.failCounts) {
      out.push(`  ${c.resource} on ${c.node}: ${c.failCount} of migration-threshold ${formatScore(c.migrationThreshold)}` +
        `${c.thresholdReached ? ` (reached: ${c.resource} cannot run on ${c.node} until cleaned up)` : ''}`);
    }
  }
  if (s.leftovers.length) {
    out.push('Leftover move/ban constraints:');
    for (const l of s.leftovers) {
      out.push(`  ${l.id}: ${l.resource} ${l.kind === 'prefer' ? 'pinned to' : 'banned from'} ${l.node ?? '?'} (remove with: pcs resource clear ${l.resource}${l.kind === 'ban' && l.node ? ` ${l.node}` : ''})`);
    }
  }
  if (s.warnings.length) {
    out.push('Warnings:');
    for (const w of s.warnings) out.push(`  ${w}`);
  }
  return `${out.join('\n')}\n`;
}
