/**
 * The plug-in shape of a check (as yaml-language-server's additional validators and
 * pcs's validator lists): one small validator per rule of spec-format.md, each a
 * function of the spec model and the agent catalog that reports diagnostics.
 */
import { AgentCatalog } from '../../agents/model';
import { DiagnosticCode } from '../../spec/codes';
import { SpecDiagnostic } from '../../spec/diagnostic';
import { SpecModel } from '../../spec/model';

export interface ValidationContext {
  readonly model: SpecModel;
  readonly catalog: AgentCatalog;
  readonly report: (d: SpecDiagnostic) => void;
}

export interface Validator {
  /** The codes this validator may report (usually one). */
  readonly codes: readonly DiagnosticCode[];
  check(ctx: ValidationContext): void;
}
