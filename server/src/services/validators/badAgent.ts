/**
 * bad-agent: an agent string that is none of the forms a spec allows
 * (`ocf:PROVIDER:TYPE`, `stonith:TYPE`, `systemd:NAME`, `lsb:NAME`, `service:NAME`).
 * When the string ends in the type of a known agent (`IPaddr2`, `ocf:IPaddr2`,
 * `OCF:heartbeat:IPaddr2`), the message and quick fix offer that agent. An empty agent
 * is missing-field's finding.
 */
import { AgentCatalog } from '../../agents/model';
import { diag, SpecFix } from '../../spec/diagnostic';
import { replaceLiteral } from '../../spec/edits';
import { parseAgent } from '../../spec/vocabulary';
import { Validator } from './types';

/** The known agent a malformed agent string most likely means. */
function likelyAgent(text: string, catalog: AgentCatalog): string | undefined {
  const names = catalog.names();
  const lower = text.toLowerCase();
  const exact = names.find((n) => n.toLowerCase() === lower);
  if (exact) return exact;
  const type = lower.slice(lower.lastIndexOf(':') + 1);
  return type === '' ? undefined : names.find((n) => parseAgent(n)?.type.toLowerCase() === type);
}

export const badAgent: Validator = {
  codes: ['bad-agent'],
  check({ model, catalog, report }) {
    for (const resource of model.resources) {
      const agent = resource.agent;
      if (!agent || agent.value === null || agent.text.trim() === '' || resource.agentRef) continue;
      const text = agent.text;
      const likely = likelyAgent(text, catalog);
      const forms = 'ocf:PROVIDER:TYPE, stonith:TYPE, systemd:NAME, lsb:NAME or service:NAME';
      const message = likely
        ? `Agent '${text}' is not a full agent name: did you mean '${likely}'? (Agents are written ${forms}.)`
        : `Agent '${text}' is not an agent name: write ${forms}, e.g. ocf:heartbeat:IPaddr2.`;
      const edit = likely ? replaceLiteral(model.text, agent.span, text, likely) : undefined;
      const fixes: SpecFix[] = edit ? [{ title: `Change to '${likely}'`, edits: [edit], preferred: true }] : [];
      report(diag('bad-agent', agent.span, message, fixes));
    }
  },
};
