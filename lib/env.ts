import { z } from "zod";

// The only module that reads process.env. Values are read on each call so
// tests and scripts can change the environment before first use.

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional().or(z.literal("")),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_GROUP_PREFIX: z.string().default("ami-portal"),
  PORTAL_AWS_MODE: z.enum(["local", "aws"]).optional(),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_PROFILE: z.string().optional(),
  AWS_WEB_IDENTITY_TOKEN_FILE: z.string().optional(),
  AWS_CONTAINER_CREDENTIALS_FULL_URI: z.string().optional(),
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: z.string().optional(),
  AWS_EMULATOR_DIR: z.string().default(".data/aws-emulator"),
  AWS_EMULATOR_STEP_SECONDS: z.coerce.number().positive().default(3),
  AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  AWS_EMULATOR_EVENTS_URL: z.string().url().optional().or(z.literal("")),
  PORTAL_EVENTS_SECRET: z.string().optional(),
  PORTAL_ACCOUNT_ROLES: z.string().default(""),
  PORTAL_INSTANCE_PROFILE: z
    .string()
    .default("EC2InstanceProfileForImageBuilder"),
  PORTAL_INSTANCE_TYPES: z.string().default("t3.medium"),
  PORTAL_DISTRIBUTION_REGIONS: z.string().default("us-east-1,eu-west-1"),
  PORTAL_DISTRIBUTION_ACCOUNTS: z.string().default(""),
  PORTAL_RECONCILE_SECONDS: z.coerce.number().min(0).default(5),
  LOG_LEVEL: z.string().default("info"),
  // Issue 5: events, mail, report archive.
  SMTP_URL: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
  MAIL_FROM: z.string().default("Golden AMI portal <ami-portal@localhost>"),
  PORTAL_REPORTS_DIR: z.string().default(".data/reports"),
  PORTAL_REPORTS_BUCKET: z.string().optional(),
  PORTAL_REPORTS_PREFIX: z.string().default("findings-reports/"),
  PORTAL_LEASE_SECONDS: z.coerce.number().positive().default(30),
  // Issue 6: how often finished images are checked in Image Builder.
  PORTAL_AWS_STATE_SECONDS: z.coerce.number().min(0).default(600),
  PORTAL_AWS_STATE_BATCH: z.coerce.number().int().min(1).max(500).default(50),
});

export type Env = z.infer<typeof schema>;

export function env(): Env {
  return schema.parse(process.env);
}

export type AwsMode = "local" | "aws";

export interface AwsSettings {
  mode: AwsMode;
  region: string;
  maxAttempts: number;
  emulatorDir: string;
  emulatorStepSeconds: number;
}

/**
 * Local emulator unless a region and some credential source are set, or the
 * mode is forced with PORTAL_AWS_MODE.
 */
export function awsSettings(): AwsSettings {
  const e = env();
  const region = e.AWS_REGION || e.AWS_DEFAULT_REGION;
  const hasCredentials = Boolean(
    e.AWS_ACCESS_KEY_ID ||
      e.AWS_PROFILE ||
      e.AWS_WEB_IDENTITY_TOKEN_FILE ||
      e.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
      e.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
  );
  const mode: AwsMode =
    e.PORTAL_AWS_MODE ?? (region && hasCredentials ? "aws" : "local");

  return {
    mode,
    region: mode === "local" ? "us-east-1" : region || "us-east-1",
    maxAttempts: e.AWS_MAX_ATTEMPTS,
    emulatorDir: e.AWS_EMULATOR_DIR,
    emulatorStepSeconds: e.AWS_EMULATOR_STEP_SECONDS,
  };
}

/** Where the local emulator POSTs its EventBridge-style events. */
export function emulatorEventSettings() {
  const e = env();

  return {
    url: e.AWS_EMULATOR_EVENTS_URL || undefined,
    secret: e.PORTAL_EVENTS_SECRET || undefined,
  };
}

/**
 * Roles to assume per target account, from
 * `PORTAL_ACCOUNT_ROLES="111111111111=arn:aws:iam::111111111111:role/X,..."`.
 */
export function accountRoles(): Record<string, string> {
  const roles: Record<string, string> = {};
  for (const entry of env().PORTAL_ACCOUNT_ROLES.split(",")) {
    const [account, role] = entry.split("=").map((part) => part.trim());
    if (/^[0-9]{12}$/.test(account ?? "") && role?.startsWith("arn:")) {
      roles[account] = role;
    }
  }

  return roles;
}

export function oidcSettings() {
  const e = env();
  if (!e.OIDC_ISSUER) return null;

  return {
    issuer: e.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: e.OIDC_CLIENT_ID ?? "",
    clientSecret: e.OIDC_CLIENT_SECRET ?? "",
    groupPrefix: e.OIDC_GROUP_PREFIX,
  };
}

export function buildDefaults() {
  const e = env();
  const list = (value: string) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);

  return {
    instanceProfileName: e.PORTAL_INSTANCE_PROFILE,
    instanceTypes: list(e.PORTAL_INSTANCE_TYPES),
    regions: list(e.PORTAL_DISTRIBUTION_REGIONS),
    targetAccountIds: list(e.PORTAL_DISTRIBUTION_ACCOUNTS),
  };
}

/** SMTP settings, or null in local mode (mail is kept in the outbox). */
export function mailSettings() {
  const e = env();
  const from = e.MAIL_FROM;
  if (e.SMTP_URL) return { url: e.SMTP_URL, from };
  if (!e.SMTP_HOST) return null;

  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? 587,
    secure: e.SMTP_SECURE === "true",
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASS ?? "" } : undefined,
    from,
  };
}

export function portalUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
}

export function eventSettings() {
  const e = env();

  return {
    secret: e.PORTAL_EVENTS_SECRET ?? "",
    leaseSeconds: e.PORTAL_LEASE_SECONDS,
  };
}

export function reportSettings() {
  const e = env();

  return {
    dir: e.PORTAL_REPORTS_DIR,
    bucket: e.PORTAL_REPORTS_BUCKET,
    prefix: e.PORTAL_REPORTS_PREFIX,
  };
}

/** The background check of finished images' state in Image Builder. */
export function awsStateSettings() {
  const e = env();

  return {
    intervalSeconds: e.PORTAL_AWS_STATE_SECONDS,
    batch: e.PORTAL_AWS_STATE_BATCH,
    leaseSeconds: e.PORTAL_LEASE_SECONDS,
  };
}
