/**
 * The one typed model of an OCF resource agent, as its meta-data describes it. Every
 * agent the checker knows — Stash's own, the built-in ones, those read from XML files
 * or a live cluster — is parsed into this by `metadata.ts`; nothing else describes
 * an agent.
 */

/** OCF content types; anything else an agent declares is kept as written. */
export type ContentType = 'string' | 'integer' | 'boolean' | 'select' | 'second' | 'time' | 'port' | 'nonnegative_integer' | 'percentage' | 'timeout' | 'duration' | 'epoch_time' | 'version' | (string & {});

export interface AgentParameter {
  readonly name: string;
  readonly type: ContentType;
  /** The `<option value>`s of a select. */
  readonly options: readonly string[];
  readonly required: boolean;
  /** OCF 1.0 `unique="1"`: no two resources may share the value. */
  readonly unique: boolean;
  /** OCF 1.1 `unique-group`: no two resources may share the values of the whole group. */
  readonly uniqueGroup?: string;
  readonly reloadable: boolean;
  readonly default?: string;
  readonly deprecated: boolean;
  /** OCF 1.1 `<deprecated><replaced-with name=…/>`. */
  readonly replacedWith: readonly string[];
  /** OCF 1.1 `<deprecated><desc>`: why, or what to do instead. */
  readonly deprecatedDesc?: string;
  readonly shortdesc: string;
  readonly longdesc: string;
}

export interface AgentAction {
  readonly name: string;
  /** Seconds. */
  readonly timeout?: number;
  /** Seconds. */
  readonly interval?: number;
  readonly depth?: number;
  readonly role?: string;
}

export interface AgentInfo {
  /** Canonical name: `ocf:heartbeat:IPaddr2`, `stonith:fence_xvm`, … */
  readonly name: string;
  readonly version?: string;
  readonly ocfVersion?: string;
  readonly shortdesc: string;
  readonly longdesc: string;
  readonly parameters: readonly AgentParameter[];
  readonly actions: readonly AgentAction[];
  /** Where this description came from: `built-in`, `agent/stash`, a file path, a node. */
  readonly origin: string;
  parameter(name: string): AgentParameter | undefined;
  action(name: string): AgentAction | undefined;
}

/** The agents a check can look up. */
export interface AgentCatalog {
  get(name: string): AgentInfo | undefined;
  names(): readonly string[];
}
