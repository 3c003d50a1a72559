/**
 * unknown-agent: a well-formed agent whose meta-data the catalog does not have, so
 * its parameters and operations go unchecked. Names are case-sensitive, as in
 * Pacemaker, so a near miss of a known name gets a did-you-mean and a quick fix;
 * otherwise the message says how to teach the checker the agent.
 */
import { diag, SpecFix } from '../../spec/diagnostic';
import { replaceLiteral } from '../../spec/edits';
import { suggest } from '../../spec/suggest';
import { Validator } from './types';

export const unknownAgent: Validator = {
  codes: ['unknown-agent'],
  check({ model, catalog, report }) {
    for (const resource of model.resources) {
      const agent = resource.agent;
      const name = resource.agentRef?.name;
      if (!agent || name === undefined || catalog.get(name)) continue;
      const likely = suggest(name, catalog.names());
      const file = `${name.replace(/:/g, '.')}.metadata.xml`;
      const message = likely
        ? `Agent '${name}' is not known, so its parameters go unchecked: did you mean '${likely}'? (Agent names are case-sensitive.)`
        : `Agent '${name}' is not known, so its parameters go unchecked: add its meta-data to the workspace as ${file} `
          + `(crm_resource --show-metadata ${name} > ${file}).`;
      const edit = likely ? replaceLiteral(model.text, agent.span, agent.text, likely) : undefined;
      const fixes: SpecFix[] = edit ? [{ title: `Change to '${likely}'`, edits: [edit], preferred: true }] : [];
      report(diag('unknown-agent', agent.span, message, fixes));
    }
  },
};
