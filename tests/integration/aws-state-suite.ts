import path from "node:path";

import { DeleteImageCommand } from "@aws-sdk/client-imagebuilder";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { EMULATOR_ACCOUNT_ID, imagebuilder } from "@/lib/aws/clients";
import { clearFaults, injectFault } from "@/lib/aws/emulator/faults";
import { getEmulatorHandler } from "@/lib/aws/emulator/handler";
import { startBuild } from "@/lib/builds/start-build";
import { syncImage } from "@/lib/builds/sync-image";
import { getPrisma } from "@/lib/db";
import { AWS_STATE_LEASE, checkAwsStateWithLease } from "@/lib/ledger/aws-state";
import { listLedger } from "@/lib/ledger/queries";
import { logger } from "@/lib/logger";
import { parseLedgerParams } from "@/lib/validations/ledger-filters";

import { startBuildWorld, type BuildWorld } from "../support/build-world";
import type { Backend } from "../support/database";
import { ctx, draftFor, userByEmail, waitForStatus } from "./build-flow-suite";

const STEP_SECONDS = 0.3;
const log = logger.child({ test: "aws-state" });
log.level = "silent";

/** Images deleted in Image Builder stay in the ledger, marked. */
export function awsStateSuite(backend: Backend) {
  describe(`AWS state check on ${backend}`, () => {
    let world: BuildWorld;

    beforeAll(async () => {
      world = await startBuildWorld(backend, STEP_SECONDS);
    });

    afterAll(async () => {
      await world?.stop();
    });

    test("a deleted image is kept and marked, with its findings", async () => {
      const eric = await userByEmail("eric@example.com");
      const prisma = getPrisma();
      const kept = await startBuild(
        await draftFor("amazon-linux-2023", "state-kept", []),
        ctx(eric),
      );
      const withNginx = await draftFor("amazon-linux-2023", "state-gone", [
        "nginx-web-server",
      ]);
      withNginx.items[withNginx.items.length - 1].parameters.ServerName =
        "gone.example.com";
      const gone = await startBuild(withNginx, ctx(eric));
      for (const { imageId } of [kept, gone]) {
        await waitForStatus(imageId, ["AVAILABLE"]);
        await syncImage(imageId, log);
      }
      const findingsBefore = await prisma.finding.count({
        where: { imageId: gone.imageId },
      });
      expect(findingsBefore).toBeGreaterThan(0);

      const image = await prisma.image.findUniqueOrThrow({
        where: { id: gone.imageId },
      });
      await imagebuilder().send(
        new DeleteImageCommand({ imageBuildVersionArn: image.arn }),
      );

      const run = await checkAwsStateWithLease("test-holder");
      expect(run).toEqual({ ran: true, items: 2 });

      const after = await prisma.image.findUniqueOrThrow({
        where: { id: gone.imageId },
        include: { events: { orderBy: { at: "asc" } }, amis: true },
      });
      expect(after.awsState).toBe("DELETED");
      expect(after.awsStateAt).toBeInstanceOf(Date);
      expect(after.awsCheckedAt).toBeInstanceOf(Date);
      expect(after.status).toBe("AVAILABLE");
      expect(after.amis.length).toBe(2);
      expect(after.events.at(-1)).toMatchObject({
        status: "DELETED",
        reason: expect.stringMatching(/no longer knows/),
      });
      expect(
        await prisma.finding.count({ where: { imageId: gone.imageId } }),
      ).toBe(findingsBefore);
      expect(
        await prisma.auditEntry.count({
          where: { action: "image.aws-state", entityId: gone.imageId },
        }),
      ).toBe(1);

      const other = await prisma.image.findUniqueOrThrow({
        where: { id: kept.imageId },
      });
      expect(other.awsState).toBeNull();
      expect(other.awsCheckedAt).toBeInstanceOf(Date);

      const security = await userByEmail("sofia@example.com");
      const parsed = parseLedgerParams({ aws: "deleted" });
      if (!parsed.ok) throw new Error("bad params");
      const ledger = await listLedger(security, parsed.query);
      expect(ledger.rows.map((row) => row.id)).toEqual([gone.imageId]);
      expect(ledger.rows[0].awsState).toBe("DELETED");
    });

    test("a deleted image is not asked about again", async () => {
      const prisma = getPrisma();
      const run = await checkAwsStateWithLease("test-holder");

      expect(run).toEqual({ ran: true, items: 1 });
      expect(
        await prisma.imageStatusEvent.count({ where: { status: "DELETED" } }),
      ).toBe(1);
    });

    test("an AWS failure leaves the mark alone and the pass goes on", async () => {
      const handler = getEmulatorHandler({
        stateFile: path.resolve(world.emulatorDir, "state.json"),
        region: "us-east-1",
        accountId: EMULATOR_ACCOUNT_ID,
        stepSeconds: STEP_SECONDS,
      });
      injectFault(handler, {
        operation: "GetImage",
        kind: "server-error",
        times: 10,
      });
      const prisma = getPrisma();
      const before = await prisma.image.findFirstOrThrow({
        where: { recipe: { name: "state-kept" } },
      });

      const run = await checkAwsStateWithLease("test-holder");
      clearFaults(handler);

      expect(run).toEqual({ ran: true, items: 1 });
      const after = await prisma.image.findUniqueOrThrow({
        where: { id: before.id },
      });
      expect(after.awsState).toBeNull();
      expect(after.awsCheckedAt!.getTime()).toBeGreaterThan(
        before.awsCheckedAt!.getTime(),
      );
      const lease = await prisma.jobLease.findUniqueOrThrow({
        where: { name: AWS_STATE_LEASE },
      });
      expect(lease).toMatchObject({ runs: 3, lastError: null, lastItems: 1 });
    });

    test("another instance does not run while the lease is held", async () => {
      const run = await checkAwsStateWithLease("other-instance");

      expect(run).toEqual({ ran: false, holder: "test-holder" });
    });
  });
}
