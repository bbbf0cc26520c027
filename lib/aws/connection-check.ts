import "server-only";

import {
  ListComponentsCommand,
  ListImagesCommand,
} from "@aws-sdk/client-imagebuilder";
import { ListCoverageCommand } from "@aws-sdk/client-inspector2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";

import { accountRoles, awsSettings, emulatorEventSettings } from "../env";
import { logger } from "../logger";
import { awsClients, clientsForAccount } from "./clients";
import { awsUserFacingError } from "./errors";

export interface CallResult {
  call: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export interface AccountCheck {
  accountId: string;
  roleArn?: string;
  identity?: string;
  calls: CallResult[];
}

export interface ConnectionReport {
  mode: "local" | "aws";
  region: string;
  maxAttempts: number;
  eventsUrl?: string;
  home: AccountCheck;
  targets: AccountCheck[];
}

const log = logger.child({ module: "aws-connection-check" });

/**
 * Read-only calls that prove the portal can work: who it is (STS), and
 * one small read per API it uses, for its own account and for each target
 * account it reaches through a role.
 */
export async function checkConnection(): Promise<ConnectionReport> {
  const settings = awsSettings();
  const home = await checkAccount(awsClients(), "own account");
  const roles = accountRoles();
  const targets = await Promise.all(
    Object.entries(roles).map(async ([accountId, roleArn]) => ({
      ...(await checkAccount(clientsForAccount(accountId), accountId)),
      accountId,
      roleArn,
    })),
  );

  return {
    mode: settings.mode,
    region: settings.region,
    maxAttempts: settings.maxAttempts,
    eventsUrl:
      settings.mode === "local" ? emulatorEventSettings().url : undefined,
    home,
    targets,
  };
}

type AccountClients = ReturnType<typeof clientsForAccount>;

async function checkAccount(
  clients: AccountClients,
  label: string,
): Promise<AccountCheck> {
  let identity: string | undefined;
  let accountId = label;
  const calls = [
    await timed("STS GetCallerIdentity", async () => {
      const out = await clients.sts.send(new GetCallerIdentityCommand({}));
      identity = out.Arn;
      accountId = out.Account ?? accountId;

      return `${out.Arn} (account ${out.Account})`;
    }),
    await timed("Image Builder ListComponents", async () => {
      const out = await clients.imagebuilder.send(
        new ListComponentsCommand({ maxResults: 1 }),
      );

      return `${out.componentVersionList?.length ?? 0} on the first page`;
    }),
    await timed("Image Builder ListImages", async () => {
      const out = await clients.imagebuilder.send(
        new ListImagesCommand({ maxResults: 1 }),
      );

      return `${out.imageVersionList?.length ?? 0} on the first page`;
    }),
    await timed("Inspector ListCoverage", async () => {
      const out = await clients.inspector.send(
        new ListCoverageCommand({ maxResults: 1 }),
      );

      return `${out.coveredResources?.length ?? 0} on the first page`;
    }),
  ];

  return { accountId, identity, calls };
}

async function timed(
  call: string,
  run: () => Promise<string>,
): Promise<CallResult> {
  const started = Date.now();
  try {
    const detail = await run();

    return { call, ok: true, detail, ms: Date.now() - started };
  } catch (error) {
    const mapped = awsUserFacingError(error, call);
    log.warn({ err: error, call }, "AWS connection check call failed");

    return {
      call,
      ok: false,
      detail: mapped?.message ?? "Failed unexpectedly; see the server log.",
      ms: Date.now() - started,
    };
  }
}
