/**
 * Agents described by OCF meta-data XML files in the workspace (`**\/*.metadata.xml`,
 * or paths from a setting): one `<resource-agent>` per file, as
 * `crm_resource --show-metadata AGENT` or `AGENT meta-data` prints it.
 *
 * The XML names only the agent's type (`<resource-agent name="Foo">`), so the full
 * name comes from the FILE NAME, which spells the agent with dots for colons:
 *
 *   ocf.acme.Foo.metadata.xml       → ocf:acme:Foo
 *   stonith.fence_xvm.metadata.xml  → stonith:fence_xvm
 *
 * e.g. `crm_resource --show-metadata ocf:acme:Foo > ocf.acme.Foo.metadata.xml`. A file
 * named otherwise (`Foo.metadata.xml`) is accepted only when its `name` attribute is
 * itself a full agent name (`<resource-agent name="ocf:acme:Foo">`). When both say
 * something, they must agree (the attribute may be just the type). Anything else is
 * an error that says how to name the file.
 *
 * Reading files is the caller's business: `loadMetadataFile` takes the text, so it
 * is a pure function; `readMetadataFile` is the one-line convenience that reads.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseAgent } from '../spec/vocabulary';
import { createAgentInfo, parseMetadata } from './metadata';
import { AgentInfo } from './model';

export interface MetadataFileError {
  readonly path: string;
  /** A complete sentence, starting with the file's name. */
  readonly message: string;
  /** 1-based, when the XML itself is malformed. */
  readonly line?: number;
  readonly column?: number;
}

export type MetadataFileResult =
  | { readonly ok: true; readonly agent: AgentInfo }
  | { readonly ok: false; readonly error: MetadataFileError };

const SUFFIX = '.metadata.xml';

/** `ocf.acme.Foo.metadata.xml` → `ocf:acme:Foo`; undefined when the file name does not spell an agent. */
export function agentNameFromFileName(path: string): string | undefined {
  const file = basename(path);
  if (!file.endsWith(SUFFIX)) return undefined;
  const parts = file.slice(0, -SUFFIX.length).split('.');
  const [standard, ...rest] = parts;
  const name = standard === 'ocf'
    ? rest.length >= 2 ? `ocf:${rest[0]}:${rest.slice(1).join('.')}` : undefined
    : rest.length >= 1 ? `${standard}:${rest.join('.')}` : undefined;
  return name !== undefined && parseAgent(name) ? name : undefined;
}

/** The file name that describes `agentName` (`ocf:acme:Foo` → `ocf.acme.Foo.metadata.xml`): agentNameFromFileName's inverse. */
export function metadataFileName(agentName: string): string {
  return `${agentName.replace(/:/g, '.')}${SUFFIX}`;
}

function fail(path: string, message: string, line?: number, column?: number): MetadataFileResult {
  return {
    ok: false,
    error: { path, message: `${basename(path)}: ${message}`, ...(line ? { line } : {}), ...(column ? { column } : {}) },
  };
}

/** Parses one meta-data file's text into an agent named by the rule above. Never throws. */
export function loadMetadataFile(path: string, text: string): MetadataFileResult {
  const fromFile = agentNameFromFileName(path);
  // The placeholder name is replaced below, once the XML's own name is known.
  const parsed = parseMetadata(text, { name: fromFile ?? '?', origin: path });
  if (!parsed.ok) return fail(path, `cannot read agent meta-data: ${parsed.error}`, parsed.line, parsed.column);
  const xmlName = parsed.xmlName;
  const fullXmlName = parseAgent(xmlName)?.name;
  if (fromFile === undefined) {
    if (fullXmlName === undefined) {
      return fail(path, `cannot tell which agent this describes: <resource-agent name="${xmlName}"> gives no standard and provider. `
        + `Name the file after the agent with dots for colons, e.g. ocf.PROVIDER.${xmlName || 'TYPE'}${SUFFIX}.`);
    }
    return { ok: true, agent: createAgentInfo({ ...parsed.agent, name: fullXmlName }) };
  }
  const type = parseAgent(fromFile)?.type;
  if (xmlName !== '' && xmlName !== fromFile && xmlName !== type) {
    return fail(path, `the file name says ${fromFile} but the meta-data names the agent '${xmlName}': rename the file or correct the name.`);
  }
  return { ok: true, agent: parsed.agent };
}

/** Reads and parses a meta-data file; an unreadable file is an error result too. */
export function readMetadataFile(path: string): MetadataFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return fail(path, `cannot read the file: ${err instanceof Error ? err.message : String(err)}`);
  }
  return loadMetadataFile(path, text);
}
