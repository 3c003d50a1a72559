/**
 * The stable diagnostic codes of spec-format.md and their severities. The table is
 * the contract: a code is never renamed, and its severity changes only with the spec.
 */
export const SEVERITY_OF = {
  'yaml-syntax': 'error',
  'duplicate-key': 'error',
  'unknown-key': 'error',
  'type-mismatch': 'error',
  'missing-field': 'error',
  'invalid-id': 'error',
  'duplicate-id': 'error',
  'bad-agent': 'error',
  'unknown-agent': 'warning',
  'unknown-param': 'error',
  'missing-param': 'error',
  'param-type': 'error',
  'param-value': 'error',
  'unique-param': 'error',
  'unknown-op': 'warning',
  'bad-duration': 'error',
  'op-timeout-short': 'warning',
  'bad-op-option': 'error',
  'unknown-meta': 'warning',
  'bad-meta-value': 'error',
  'bad-score': 'error',
  'unknown-resource': 'error',
  'unknown-node': 'error',
  'group-conflict': 'error',
  'unknown-property': 'warning',
  'bad-property-value': 'error',
  'stash-cloned': 'error',
  'stash-home-in-inst': 'error',
  'vip-not-colocated': 'warning',
  'stash-home-not-shared': 'warning',
  'stonith-disabled': 'warning',
  'version-mismatch': 'error',
  'deprecated': 'warning',
} as const;

export type DiagnosticCode = keyof typeof SEVERITY_OF;
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const ALL_CODES = Object.keys(SEVERITY_OF) as DiagnosticCode[];
