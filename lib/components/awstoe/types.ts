export type ComponentPlatform = "Linux" | "Windows" | "macOS";

export interface DocumentIssue {
  severity: "error" | "warning";
  message: string;
  path: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
}

export type ParameterType = "string" | "integer" | "boolean" | "stringList";

export interface DeclaredParameter {
  name: string;
  type: ParameterType;
  defaultValue?: string;
  allowedValues?: string[];
  description?: string;
  /** True when the document gives no default. */
  required: boolean;
}

export interface StepLoopSummary {
  name?: string;
  kind: "for" | "forEach";
  /** Known only when the loop bounds or list are literal. */
  iterations?: number;
}

export interface StepSummary {
  name: string;
  action: string;
  maxAttempts?: number;
  onFailure?: string;
  timeoutSeconds?: number;
  loop?: StepLoopSummary;
}

export interface PhaseSummary {
  name: string;
  /** build and validate run on the build instance, test on a new one. */
  stage: "build" | "test";
  steps: StepSummary[];
}

export interface ReferenceSummary {
  /** The trimmed text between the braces, e.g. `build.Fetch.outputs.stdout`. */
  expression: string;
  kind: "parameter" | "constant" | "loop" | "chain" | "ssm" | "imagebuilder";
  path: string;
  /** Set when the reference points at a literal value in the document. */
  resolvedValue?: string;
}

export interface DocumentSummary {
  name?: string;
  description?: string;
  type: "BUILD" | "TEST";
  phases: PhaseSummary[];
  parameters: DeclaredParameter[];
  constants: { name: string; value: string }[];
  reboots: boolean;
  references: ReferenceSummary[];
}

export interface ValidationResult {
  ok: boolean;
  issues: DocumentIssue[];
  summary?: DocumentSummary;
}

export interface ValidateOptions {
  platform: ComponentPlatform;
  /** Region the component lives in; enables the cross-region lint. */
  region?: string;
}
