/**
 * One Pacemaker vocabulary: how a duration, a score, a boolean word, a role name, an
 * id, a node name, an agent name and what the cluster commands send to a node (host,
 * user, port, Stash's status page) are read and normalised, and the regular
 * expressions the JSON Schema carries for them. The checker, the desired cluster, the
 * crm_mon and CIB readers and the meta-data parser all read values through here, so
 * none of them can disagree on `+INFINITY`, `15` against `15s` or Master against
 * Promoted. Pure; it knows no spec structure and reports nothing.
 */
export {
  TRUE_WORDS, FALSE_WORDS, parseBoolean, normalBoolean, parseInteger, normalInteger,
  DURATION_UNITS, parseDuration, formatDuration, normalDuration, formatSeconds,
  SCORE_INFINITY, isInfinity, parseScore, formatScore, normalScore, pacemakerNumber,
} from './values';
export { ROLES, DEPRECATED_ROLES, normalRole, legacyRoleName, isActiveRole } from './roles';
export type { Role } from './roles';
export { isValidId, isValidNodeName, badResourceId, badNodeName, printable } from './names';
export {
  SERVICE_STANDARDS, parseAgent, clusterAgentName, parseClusterAgent, STASH_AGENT, DEFAULT_STASH_STATUS_URL,
} from './agents';
export type { AgentRef } from './agents';
export { VALUE_PATTERNS, anyCaseWords } from './patterns';
export {
  MAX_PORT, parseDecimal, parsePort, badHost, badLoginUser, badStatusUrl, HOST_RULE, LOGIN_USER_RULE, STATUS_URL_RULE,
} from './endpoints';
export {
  RELEASE_LINES, RELEASE_LINE_INFO, RELEASE_CHANGES, parseReleaseLine, lineOfRelease, compareLines, releaseChange,
  releaseVerdict, releaseEventName,
} from './releases';
export type { ReleaseLine, ReleaseLineInfo, ReleaseChange, ReleaseEvent, ReleasePlace, ReleaseVerdict } from './releases';
