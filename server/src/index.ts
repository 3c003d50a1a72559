/**
 * The spec engine's public entry: everything code outside server/ (the CLI, the
 * extension, the cluster library, the benchmarks) may use of it — parsing a spec,
 * validating it, the desired cluster read from it, the Pacemaker vocabulary, the
 * agent catalog and the one XML reader. The language server's handlers stay
 * private to server/; nothing here knows LSP.
 */
export { buildModel, modelOf, asMap, asScalar, asSeq, scalarText } from './spec/model';
export type { SpecModel, NodeDecl, ResourceDecl, GroupDecl, Ref } from './spec/model';
export { parseYaml } from './spec/yamlTree';
export type { ParsedYaml, YNode, YMap, YSeq, YScalar, YPair } from './spec/yamlTree';
export type { Span, SpecDiagnostic, SpecFix, TextEdit } from './spec/diagnostic';
export { SEVERITY_OF, ALL_CODES } from './spec/codes';
export type { DiagnosticCode, Severity } from './spec/codes';
export { LineIndex } from './spec/lines';
export type { Position } from './spec/lines';
export { validate, validateText } from './services/validate';
export { createCatalog, builtinAgents } from './agents/catalog';
export { loadMetadataFile, readMetadataFile, agentNameFromFileName, metadataFileName } from './agents/metadataFiles';
export type { MetadataFileResult, MetadataFileError } from './agents/metadataFiles';
export type { AgentCatalog, AgentInfo, AgentParameter, AgentAction } from './agents/model';
export type { StashHaSettings } from './settings';
export * from './spec/vocabulary';
export { parseXml, child, childrenNamed, descendants, attr } from './xml/xmlTree';
export type { XmlElement, XmlParse } from './xml/xmlTree';
export { desiredCluster } from './spec/desired';
export type {
  DesiredCluster, DesiredValue, DesiredAttribute, DesiredRef, DesiredNode, DesiredSsh, DesiredResource, DesiredOperation,
  DesiredClone, DesiredGroup, DesiredConstraints, DesiredColocation, DesiredOrder, DesiredLocation, DesiredStash, DesiredProblem,
} from './spec/desired';
export { readCib, CLUSTER_MANAGED_PROPERTIES } from './spec/desiredCib';
export type { LiveCluster, CibRead, CibVersion, CorosyncNode, CorosyncView, LiveLeftover, LiveUnsupported } from './spec/desiredCib';
export { diffClusters, inSync, describeResource, liveVersionMismatch } from './spec/desiredDiff';
export type { LiveVersionMismatch } from './spec/desiredDiff';
export type { Difference, DifferenceKind, DiffSubject, ResourcePart } from './spec/desiredDiffValues';
export { matchOperations, operationWords } from './spec/desiredDiffOps';
export { matchConstraints, describeColocation, describeOrder, describeLocation } from './spec/desiredDiffConstraints';
export { writeSpec, yamlScalar } from './spec/specWriter';
export type { WriteOptions } from './spec/specWriter';
export { pcsDefaultOperations } from './agents/pcsDefaults';
export type { DefaultOperation } from './agents/pcsDefaults';
export { agentDifferences } from './agents/agentDifferences';
