import path from "node:path";

import { ImagebuilderClient } from "@aws-sdk/client-imagebuilder";
import { Inspector2Client } from "@aws-sdk/client-inspector2";

import { awsSettings, type AwsSettings } from "../env";
import { getEmulatorHandler } from "./emulator/handler";

/** The account the local emulator pretends to be. */
export const EMULATOR_ACCOUNT_ID = "111122223333";

interface Clients {
  key: string;
  imagebuilder: ImagebuilderClient;
  inspector: Inspector2Client;
}

declare global {
  var __portalAwsClients: Clients | undefined;
}

/**
 * The only place the SDK clients are made. In local mode they get the
 * emulator as their request handler, so the SDK's own serialisation,
 * retries, error parsing and paginators still run.
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
  };

  return globalThis.__portalAwsClients;
}

export function imagebuilder(): ImagebuilderClient {
  return awsClients().imagebuilder;
}

export function inspector(): Inspector2Client {
  return awsClients().inspector;
}

function clientConfig(settings: AwsSettings) {
  const common = {
    region: settings.region,
    maxAttempts: settings.maxAttempts,
    retryMode: "standard" as const,
  };
  if (settings.mode === "aws") return common;

  return {
    ...common,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    requestHandler: getEmulatorHandler({
      stateFile: path.resolve(settings.emulatorDir, "state.json"),
      region: settings.region,
      accountId: EMULATOR_ACCOUNT_ID,
      stepSeconds: settings.emulatorStepSeconds,
    }),
  };
}
