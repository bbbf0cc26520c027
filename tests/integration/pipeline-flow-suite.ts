import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { POST } from "@/app/api/events/route";
import type { CurrentUser } from "@/lib/auth/session";
import { localEmulator } from "@/lib/aws/clients";
import {
  setEmulatorEventSink,
  type EmulatorEvent,
} from "@/lib/aws/emulator/events";
import { createEmulatorHandler } from "@/lib/aws/emulator/handler";
import { startBuild } from "@/lib/builds/start-build";
import { getPrisma } from "@/lib/db";
import { withLease } from "@/lib/jobs/lease";
import { mailComponentReviewDecision } from "@/lib/mail/notify";
import { createPipeline } from "@/lib/pipelines/pipelines";
import {
  saveDistributionSetting,
  saveInfrastructurePreset,
} from "@/lib/pipelines/presets";
import {
  cancelRun,
  retriesOf,
  retryRun,
  runPipeline,
} from "@/lib/pipelines/runs";
import { recordSkippedMatches, SKIP_GRACE_MS } from "@/lib/pipelines/skips";
import { readReport } from "@/lib/reports/storage";
import { seedDatabase } from "@/prisma/seed-lib";

import type { Backend, TestDatabase } from "../support/database";
import { createTestDatabase } from "../support/database";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import {
  ctx,
  draftFor,
  userByEmail,
  waitForStatus,
} from "./build-flow-suite";

const SECRET = "integration-events-secret";

/** Pipelines, events, lease, mail and reports on the given backend. */
export function pipelineFlowSuite(backend: Backend) {
  describe(`pipeline flow on ${backend}`, () => {
    let db: TestDatabase;
    let smtp: TestSmtp;
    let tempDir: string;
    let engineer: CurrentUser;
    let pipelineId: string;
    let delivered: EmulatorEvent[] = [];
    const emitted: EmulatorEvent[] = [];

    /**
     * Lets the emulator's clock run (at `at`, when given) and returns the
     * events it emitted since the last call, as EventBridge would send them.
     */
    async function emulatorEvents(at?: Date): Promise<EmulatorEvent[]> {
      const handler = at
        ? createEmulatorHandler({
            stateFile: path.join(tempDir, "aws", "state.json"),
            region: "us-east-1",
            accountId: "111122223333",
            stepSeconds: 0.3,
            now: () => at,
          })
        : localEmulator();
      await handler.tick();
      await handler.idle();
      await localEmulator().idle();

      return emitted.splice(0, emitted.length);
    }

    beforeAll(async () => {
      db = await createTestDatabase(backend);
      smtp = await startTestSmtp();
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pipe-"));
      Object.assign(process.env, {
        DATABASE_URL: db.url,
        PORTAL_AWS_MODE: "local",
        AWS_EMULATOR_DIR: path.join(tempDir, "aws"),
        AWS_EMULATOR_STEP_SECONDS: "0.3",
        AWS_MAX_ATTEMPTS: "2",
        PORTAL_EVENTS_SECRET: SECRET,
        PORTAL_REPORTS_DIR: path.join(tempDir, "reports"),
        SMTP_URL: smtp.url,
      });
      setEmulatorEventSink(async (event) => {
        emitted.push(event);
      });
      await seedDatabase(getPrisma(), { demoUsers: true });
      engineer = await userByEmail("eric@example.com");
      const admin = await userByEmail("alice@example.com");

      const infra = await saveInfrastructurePreset(
        {
          name: "ccoe-private-subnet",
          description: "Builds in the tooling VPC",
          instanceTypes: ["t3.medium", "m5.large"],
          instanceProfileName: "EC2InstanceProfileForImageBuilder",
          subnetId: "subnet-0123456789abcdef0",
          securityGroupIds: ["sg-0123456789abcdef0"],
          httpTokensRequired: true,
          terminateOnFailure: true,
          logBucket: "ccoe-build-logs",
          logPrefix: "imagebuilder/",
          snsTopicArn: "arn:aws:sns:us-east-1:111122223333:builds",
          resourceTags: { CostCenter: "ccoe" },
        },
        ctx(admin),
      );
      const distribution = await saveDistributionSetting(
        {
          name: "two-regions",
          description: "",
          regions: ["us-east-1", "eu-west-1"].map((region) => ({
            region,
            amiName: "golden-{{ imagebuilder:buildDate }}",
            description: "",
            amiTags: {},
            targetAccountIds: [],
            launchAccountIds: ["444455556666"],
            launchOrganizationArns: [],
            launchOuArns: [],
            launchPublic: false,
          })),
        },
        ctx(admin),
      );

      const draft = await draftFor("amazon-linux-2023", "pipe-api", [
        "nginx-web-server",
      ]);
      draft.items[draft.items.length - 1].parameters.ServerName = "x.example";
      const { imageId } = await startBuild(draft, ctx(engineer));
      await waitForStatus(imageId, ["AVAILABLE"]);
      const version = await getPrisma().recipeVersion.findFirstOrThrow({
        where: { recipe: { name: "pipe-api" } },
      });

      ({ id: pipelineId } = await createPipeline(
        {
          name: "pipe-api-nightly",
          description: "",
          recipeVersionId: version.id,
          infrastructurePresetId: infra.id,
          distributionSettingId: distribution.id,
          scheduleEnabled: true,
          scheduleExpression: "cron(0 0 * * ? *)",
          timezone: "UTC",
          startCondition: "EXPRESSION_MATCH_ONLY",
          testsEnabled: true,
          scanningEnabled: true,
        },
        ctx(engineer),
      ));
    }, 180_000);

    afterAll(async () => {
      setEmulatorEventSink(undefined);
      await smtp?.stop();
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      globalThis.__awsEmulatorHandlers = undefined;
      db?.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    });

    test("presets and the pipeline exist in Image Builder", async () => {
      const prisma = getPrisma();
      const pipeline = await prisma.pipeline.findUniqueOrThrow({
        where: { id: pipelineId },
        include: { infrastructurePreset: true, distributionSetting: true },
      });

      expect(pipeline.arn).toMatch(/:image-pipeline\/pipe-api-nightly$/);
      expect(pipeline.infrastructurePreset.arn).toMatch(
        /:infrastructure-configuration\/ccoe-private-subnet$/,
      );
      expect(pipeline.distributionSetting.arn).toMatch(
        /:distribution-configuration\/two-regions$/,
      );
      const actions = await prisma.auditEntry.findMany({
        select: { action: true },
      });
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          "infrastructure.create",
          "distribution.create",
          "pipeline.create",
        ]),
      );
    });

    test("a manual run finishes through events; mail and report follow", async () => {
      const prisma = getPrisma();
      const { imageId } = await runPipeline(pipelineId, ctx(engineer));

      const image = await pumpEventsUntil(async () => {
        const row = await prisma.image.findUniqueOrThrow({
          where: { id: imageId },
        });
        const availableEvent = delivered.some(
          (e) =>
            (e.resources as string[])[0] === row.arn &&
            (e.detail as { state: { status: string } }).state.status ===
              "AVAILABLE",
        );
        return row.findingsCollectedAt && availableEvent ? row : null;
      });

      expect(image.status).toBe("AVAILABLE");
      expect(image.buildType).toBe("USER_INITIATED");
      const applied = await prisma.processedEvent.findMany({
        where: { resource: image.arn },
      });
      expect(applied.map((e) => e.outcome)).toEqual(
        expect.arrayContaining([`applied: ${imageId} AVAILABLE`]),
      );

      const report = await prisma.findingsReport.findFirstOrThrow({
        where: { imageId },
      });
      const json = JSON.parse((await readReport(report.jsonUri)).toString());
      const csv = (await readReport(report.csvUri)).toString().split("\r\n");
      expect(json.findings).toHaveLength(report.findings);
      expect(json.image.arn).toBe(image.arn);
      expect(csv[0]).toMatch(/^vulnerabilityId,severity,/);
      expect(csv.filter(Boolean)).toHaveLength(report.findings + 1);

      const mine = smtp.mails.filter((m) => m.raw.includes(imageId));
      const subjects = mine.map((m) => m.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\[AMI portal\] Image available: pipe-api/),
        ]),
      );
      const digests = subjects.filter((s) => /critical, \d+ high/.test(s));
      expect(digests).toHaveLength(image.critical + image.high > 0 ? 1 : 0);
      expect(mine.every((m) => m.to.includes("payments-eng@example.com"))).toBe(
        true,
      );
      // The team sees the same on its Notifications page, once each.
      const notices = await prisma.notification.findMany({
        where: { link: `/images/${imageId}` },
        select: { kind: true, subject: true },
      });
      expect(notices.map((n) => n.kind).sort()).toEqual(
        digests.length ? ["findings-digest", "image-available"] : ["image-available"],
      );
      expect(notices.find((n) => n.kind === "image-available")?.subject).toMatch(
        /^Image available: pipe-api/,
      );
    });

    test("replayed and unauthenticated events change nothing", async () => {
      const prisma = getPrisma();
      const replay = delivered.find(
        (e) => e["detail-type"] === "EC2 Image Builder Image State Change",
      )!;
      const before = await snapshot();

      const again = await post(replay, SECRET);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ status: "duplicate" });

      const forged = { ...replay, id: "forged-event-id" };
      expect((await post(forged, "wrong-secret")).status).toBe(401);
      expect((await post(forged, null)).status).toBe(401);
      expect(
        await prisma.processedEvent.findUnique({ where: { id: forged.id } }),
      ).toBeNull();
      expect(await snapshot()).toEqual(before);
    });

    test("a running build is cancelled, then retried", async () => {
      const prisma = getPrisma();
      const { imageId } = await runPipeline(pipelineId, ctx(engineer));
      await cancelRun(pipelineId, imageId, ctx(engineer));

      const cancelled = await waitForStatus(imageId, ["CANCELLED"]);
      expect(cancelled.status).toBe("CANCELLED");

      const retry = await retryRun(pipelineId, imageId, ctx(engineer));
      expect(retry.imageId).not.toBe(imageId);
      const audits = await prisma.auditEntry.findMany({
        where: { action: { in: ["pipeline.cancel", "pipeline.retry"] } },
        select: { action: true, entityId: true },
      });
      expect(audits).toEqual(
        expect.arrayContaining([
          { action: "pipeline.cancel", entityId: imageId },
          { action: "pipeline.retry", entityId: retry.imageId },
        ]),
      );
      await waitForStatus(retry.imageId, ["AVAILABLE"]);

      // A run is retried once: a second click is refused, no new build.
      const images = await prisma.image.count({ where: { pipelineId } });
      await expect(
        retryRun(pipelineId, imageId, ctx(engineer)),
      ).rejects.toThrow("This build was retried already.");
      expect(await prisma.image.count({ where: { pipelineId } })).toBe(images);
      expect(await retriesOf([imageId])).toEqual(
        new Map([[imageId, retry.imageId]]),
      );
    });

    test("a schedule fires and the portal records a scheduled run", async () => {
      const prisma = getPrisma();
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 30, 0);

      // The build starts at the match; its first state change event (no
      // event is sent for PENDING) comes a few seconds later.
      const later = new Date(midnight.getTime() + 5_000);
      const events = [
        ...(await emulatorEvents(midnight)),
        ...(await emulatorEvents(later)),
      ];
      for (const event of events) await post(event, SECRET);

      const scheduled = await prisma.image.findMany({
        where: { pipelineId, buildType: "SCHEDULED" },
      });
      expect(scheduled).toHaveLength(1);
      const audit = await prisma.auditEntry.findFirst({
        where: { entityId: scheduled[0].id },
      });
      expect(audit?.action).toBe("pipeline.scheduled-run");
    });

    test("a skipped schedule match is recorded once (C51 k4)", async () => {
      const prisma = getPrisma();
      const base = await prisma.pipeline.findUniqueOrThrow({
        where: { id: pipelineId },
      });
      const { id } = await createPipeline(
        {
          name: "pipe-api-on-updates",
          description: "",
          recipeVersionId: base.recipeVersionId,
          infrastructurePresetId: base.infrastructurePresetId,
          distributionSettingId: base.distributionSettingId,
          scheduleEnabled: true,
          scheduleExpression: "cron(0 0 * * ? *)",
          timezone: "UTC",
          startCondition: "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
          testsEnabled: true,
          scanningEnabled: true,
        },
        ctx(engineer),
      );
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 30, 0);
      await emulatorEvents();
      const events = await emulatorEvents(midnight);
      for (const event of events) await post(event, SECRET);
      expect(await prisma.image.count({ where: { pipelineId: id } })).toBe(0);

      const later = new Date(midnight.getTime() + SKIP_GRACE_MS + 60_000);
      expect(await recordSkippedMatches(later)).toBe(1);
      expect(await recordSkippedMatches(later)).toBe(0);
      const skips = await prisma.pipelineSkip.findMany({
        where: { pipelineId: id },
      });
      expect(skips.map((s) => [s.scheduledFor.toISOString(), s.reason])).toEqual([
        [new Date(midnight.getTime() - 30_000).toISOString(), "skipped: no updates"],
      ]);
    });

    test("only one holder runs a leased job", async () => {
      let runs = 0;
      const job = async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
        return 1;
      };

      const [a, b] = await Promise.all([
        withLease("test-job", 1, job, "instance-a"),
        withLease("test-job", 1, job, "instance-b"),
      ]);
      expect([a.ran, b.ran].filter(Boolean)).toHaveLength(1);
      expect(runs).toBe(1);

      const winner = a.ran ? "instance-a" : "instance-b";
      const loser = a.ran ? "instance-b" : "instance-a";
      expect(await withLease("test-job", 1, job, loser)).toEqual({
        ran: false,
        holder: winner,
      });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await withLease("test-job", 1, job, loser)).toEqual({
        ran: true,
        items: 1,
      });
    });

    test("without SMTP a mail is kept in the outbox, once", async () => {
      const prisma = getPrisma();
      const version = await prisma.componentVersion.findFirstOrThrow({
        include: { component: true },
      });
      delete process.env.SMTP_URL;
      const review = {
        componentVersionId: version.id,
        teamId: version.component.ownerTeamId,
        decision: "approved" as const,
        reviewerName: "Rachel Reviewer",
      };

      try {
        expect(await mailComponentReviewDecision(review)).toBe("kept");
        expect(await mailComponentReviewDecision(review)).toBe("duplicate");
      } finally {
        process.env.SMTP_URL = smtp.url;
      }
      const kept = await prisma.mailMessage.findMany({
        where: { kind: "component-review" },
      });
      expect(kept).toHaveLength(1);
      expect(kept[0].status).toBe("kept");
      expect(kept[0].to).toEqual(["ccoe@example.com"]);
    });

    async function pumpEventsUntil<T>(done: () => Promise<T | null>) {
      for (let attempt = 0; attempt < 80; attempt += 1) {
        const events = await emulatorEvents();
        for (const event of events) {
          const response = await post(event, SECRET);
          expect(response.status).toBe(200);
          delivered.push(event);
        }
        const result = await done();
        if (result) return result;

        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error("events never finished the build");
    }
  });
}

function post(event: EmulatorEvent, key: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers["x-portal-events-key"] = key;

  return POST(
    new Request("http://portal.test/api/events", {
      method: "POST",
      headers,
      body: JSON.stringify(event),
    }),
  );
}

async function snapshot() {
  const prisma = getPrisma();

  return {
    events: await prisma.processedEvent.count(),
    statuses: await prisma.imageStatusEvent.count(),
    audits: await prisma.auditEntry.count(),
    images: await prisma.image.findMany({
      select: { id: true, status: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    mails: await prisma.mailMessage.count(),
  };
}
