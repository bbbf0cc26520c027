import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, expect, test } from "vitest";

import { awsClients, clientsForAccount } from "./clients";
import { checkConnection } from "./connection-check";

const saved = { ...process.env };

beforeEach(() => {
  globalThis.__portalAwsClients = undefined;
  process.env.PORTAL_AWS_MODE = "local";
  process.env.AWS_EMULATOR_DIR = fs.mkdtempSync(
    path.join(os.tmpdir(), "conn-check-"),
  );
});

afterEach(() => {
  process.env = { ...saved };
  globalThis.__portalAwsClients = undefined;
});

test("local mode: every read call succeeds against the emulator", async () => {
  process.env.PORTAL_ACCOUNT_ROLES =
    "444455556666=arn:aws:iam::444455556666:role/PortalRead";

  const report = await checkConnection();

  expect(report.mode).toBe("local");
  expect(report.region).toBe("us-east-1");
  expect(report.home.identity).toBe(
    "arn:aws:iam::111122223333:user/local-emulator",
  );
  expect(report.home.calls.map((call) => `${call.call}:${call.ok}`)).toEqual([
    "STS GetCallerIdentity:true",
    "Image Builder ListComponents:true",
    "Image Builder ListImages:true",
    "Inspector ListCoverage:true",
  ]);
  // The emulator is one account: a target account is served by it too.
  expect(report.targets).toHaveLength(1);
  expect(report.targets[0].roleArn).toBe(
    "arn:aws:iam::444455556666:role/PortalRead",
  );
});

test("AWS mode: standard chain, no emulator; roles give their own clients", async () => {
  process.env.PORTAL_AWS_MODE = "aws";
  process.env.AWS_REGION = "eu-west-1";
  process.env.PORTAL_ACCOUNT_ROLES =
    "444455556666=arn:aws:iam::444455556666:role/PortalRead,bad=entry";

  const home = awsClients();
  const target = clientsForAccount("444455556666");
  const unknown = clientsForAccount("999999999999");

  expect(await home.imagebuilder.config.region()).toBe("eu-west-1");
  const handler = home.imagebuilder.config.requestHandler as object;
  expect(handler.constructor.name).not.toBe("EmulatorHandler");
  expect(target.imagebuilder).not.toBe(home.imagebuilder);
  expect(clientsForAccount("444455556666")).toBe(target);
  expect(unknown.imagebuilder).toBe(home.imagebuilder);
  expect(await home.imagebuilder.config.maxAttempts()).toBe(4);
});
