/**
 * The one place a finished operation becomes what the user sees: a notification
 * with what happened and how long it took, or an error saying what failed with a
 * "Show Output" button; the steps and problems always go to the output channel.
 */
import { isDeployReport } from '../cluster/operations';
import { OperationReport } from '../cluster/operationReport';
import { Ui } from '../commands/ui';
import { OutputLog } from './output';
import { stripControl } from '../remote/terminalText';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The notification's words for a report (also what the tests read). */
export function reportMessage(report: OperationReport, cluster: string): string {
  if (isDeployReport(report)) {
    const ok = report.nodes.filter((n) => n.ok).length;
    const failed = report.nodes.filter((n) => !n.ok).map((n) => `${n.node}: ${n.message}`);
    return `${cluster}: the Stash agent is on ${ok} of ${report.nodes.length} nodes (${seconds(report.elapsedMs)}, sha256 ${report.sha256.slice(0, 12)}…)` +
      `${failed.length ? `. Failed: ${failed.join('; ')}` : ''}`;
  }
  if (report.ok) return `${cluster}: ${report.operation}: done in ${seconds(report.elapsedMs)}.`;
  const how = report.outcome === 'refused' ? 'refused' : report.outcome === 'unreachable' ? 'no node could be reached'
    : report.outcome === 'host-key' ? 'a host key was refused' : 'failed';
  return `${cluster}: ${report.operation}: ${how} after ${seconds(report.elapsedMs)}: ${report.problems.join(' ')}`;
}

export function showReport(report: OperationReport, cluster: string, ui: Ui, log: OutputLog): void {
  const message = stripControl(reportMessage(report, cluster));
  for (const p of report.problems) log.warn(`  ${p}`);
  if (report.ok) {
    log.info(message);
    ui.info(message);
  } else {
    log.error(message);
    ui.error(message, () => log.show());
  }
}
