import type { OsKey } from "./base-images";

/** A JSON object exactly as it goes on the wire. */
export type Wire = Record<string, unknown>;

export interface ComponentRecord {
  arn: string;
  name: string;
  version: string;
  build: number;
  /** The `Component` wire object without tags (those live in `tags`). */
  wire: Wire;
}

export interface RecipeRecord {
  arn: string;
  name: string;
  version: string;
  osKey: OsKey;
  osVersion: string;
  /** Packages already on the parent when it is a golden image. */
  parentPackages: string[];
  parentOsUpdated: boolean;
  wire: Wire;
}

export interface ConfigurationRecord {
  arn: string;
  name: string;
  wire: Wire;
  /** Pipelines only: what the scheduler keeps between runs. */
  runtime?: PipelineRuntime;
}

export interface PipelineRuntime {
  /** ISO time of the next schedule match, if the pipeline has one. */
  nextRunAt?: string;
  /** Scheduled failures before this moment no longer count. */
  failuresSince: string;
  /** What the last schedule match did. */
  lastMatch?: { at: string; outcome: "STARTED" | "SKIPPED_NO_UPDATES" };
}

export interface ReportRecord {
  reportId: string;
  createdAt: string;
  reportFormat: string;
  destination: Wire;
  filterCriteria?: Wire;
  findingCount: number;
}

export interface FailurePlan {
  stage: "BUILDING" | "TESTING";
  reason: string;
}

export interface ImageRecord {
  arn: string;
  name: string;
  recipeArn: string;
  version: string;
  build: number;
  createdAt: string;
  osKey: OsKey;
  testsEnabled: boolean;
  scanningEnabled: boolean;
  failure?: FailurePlan;
  cancelledAt?: string;
  installedPackages: string[];
  osUpdated: boolean;
  /** Component build ARNs and parent the build resolved to. */
  resolvedDependencies?: string[];
  /** The `Image` wire object frozen at creation, without live fields. */
  wire: Wire;
}

export interface IdempotencyRecord {
  hash: string;
  response: Wire;
}

export interface EmulatorState {
  schemaVersion: 1;
  components: ComponentRecord[];
  recipes: RecipeRecord[];
  infrastructureConfigurations: ConfigurationRecord[];
  distributionConfigurations: ConfigurationRecord[];
  pipelines: ConfigurationRecord[];
  images: ImageRecord[];
  tags: Record<string, Record<string, string>>;
  /** Last build number handed out per image version ARN (never reused). */
  imageBuildCounters: Record<string, number>;
  /** Keyed by `<operation>:<clientToken>`. */
  idempotency: Record<string, IdempotencyRecord>;
  /** Inspector2 findings reports. */
  reports: ReportRecord[];
  /** Per image: how many status changes were sent as events, and
   * whether its Inspector findings were. */
  eventCursors: Record<string, { statuses: number; findings: boolean }>;
}
