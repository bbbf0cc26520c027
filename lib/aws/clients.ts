import path from "node:path";

import { ImagebuilderClient } from "@aws-sdk/client-imagebuilder";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

import { accountRoles, awsSettings, type AwsSettings } from "../env";
import { getEmulatorHandler } from "./emulator/handler";

/** The account the local emulator pretends to be. */
export const EMULATOR_ACCOUNT_ID = "111122223333";

/** Network time limits for real AWS (the SDK retries after a timeout). */
const CONNECTION_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 15_000;

interface Clients {
  key: string;
  imagebuilder: ImagebuilderClient;
  inspector: Inspector2Client;
  sts: STSClient;
  /** Clients acting through a role in another account, by account id. */
  byAccount: Map<string, Omit<Clients, "key" | "byAccount">>;
}

declare global {
  var __portalAwsClients: Clients | undefined;
}

/**
 * The only place the SDK clients are made. In local mode they get the
 * emulator as their request handler, so the SDK's own serialisation,
 * retries, error parsing and paginators still run. Retries are set here
 * and nowhere else: the SDK's standard strategy (exponential back-off with
 * jitter) on throttling, 5xx, time-outs and dropped connections.
 */
export function awsClients(): Clients {
  const settings = awsSettings();
  const key = JSON.stringify(settings);
  if (globalThis.__portalAwsClients?.key === key) {
    return globalThis.__portalAwsClients;
  }

  const config = clientConfig(settings);
  globalThis.__portalAwsClients = {
    key,
    imagebuilder: new ImagebuilderClient(config),
    inspector: new Inspector2Client(config),
    sts: new STSClient(config),
    byAccount: new Map(),
  };

  return globalThis.__portalAwsClients;
}

export function imagebuilder(): ImagebuilderClient {
  return awsClients().imagebuilder;
}

export function inspector(): Inspector2Client {
  return awsClients().inspector;
}

export function sts(): STSClient {
  return awsClients().sts;
}

/**
 * LIMITATION: target-account clients use the portal's region; copies
 * distributed to other regions are read there only by adding a region.
 *
 * Clients for reading images and findings in a target account: through
 * the role PORTAL_ACCOUNT_ROLES names for it (STS AssumeRole, refreshed
 * by the SDK), else the portal's own identity.
 */
export function clientsForAccount(accountId: string) {
  const clients = awsClients();
  const settings = awsSettings();
  const roleArn = accountRoles()[accountId];
  // LIMITATION: the emulator is one account; in local mode every target
  // account is served by it.
  if (!roleArn || settings.mode === "local") return clients;

  const existing = clients.byAccount.get(accountId);
  if (existing) return existing;

  const config = {
    ...clientConfig(settings),
    credentials: fromTemporaryCredentials({
      params: { RoleArn: roleArn, RoleSessionName: "golden-ami-portal" },
      clientConfig: { region: settings.region },
    }),
  };
  const made = {
    imagebuilder: new ImagebuilderClient(config),
    inspector: new Inspector2Client(config),
    sts: new STSClient(config),
  };
  clients.byAccount.set(accountId, made);

  return made;
}

/** Retry settings shared by every client (also used by tests). */
export function retrySettings(settings: Pick<AwsSettings, "maxAttempts">) {
  return {
    maxAttempts: settings.maxAttempts,
    retryMode: "standard" as const,
  };
}

function clientConfig(settings: AwsSettings) {
  const common = { region: settings.region, ...retrySettings(settings) };
  if (settings.mode === "aws") {
    return {
      ...common,
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
      },
    };
  }

  return {
    ...common,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    requestHandler: localEmulator(settings),
  };
}

/** The local emulator's handler (local mode only). */
export function localEmulator(settings = awsSettings()) {
  return getEmulatorHandler({
    stateFile: path.resolve(settings.emulatorDir, "state.json"),
    region: settings.region,
    accountId: EMULATOR_ACCOUNT_ID,
    stepSeconds: settings.emulatorStepSeconds,
  });
}

declare global {
  var __portalS3: { region: string; client: S3Client } | undefined;
}

/** S3, for the report archive in AWS mode (local mode uses a folder). */
export function s3(): S3Client {
  const { region } = awsSettings();
  if (globalThis.__portalS3?.region !== region) {
    globalThis.__portalS3 = { region, client: new S3Client({ region }) };
  }

  return globalThis.__portalS3.client;
}
