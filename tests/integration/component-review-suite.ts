import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { CurrentUser } from "@/lib/auth/session";
import { EMULATOR_ACCOUNT_ID } from "@/lib/aws/clients";
import { clearFaults, injectFault } from "@/lib/aws/emulator/faults";
import { getEmulatorHandler } from "@/lib/aws/emulator/handler";
import { startBuild } from "@/lib/builds/start-build";
import {
  createComponent,
  createVersion,
  submitVersion,
  updateDraft,
} from "@/lib/components/authoring";
import { usableComponentVersions } from "@/lib/components/catalog";
import {
  approveVersion,
  deprecateVersion,
  rejectVersion,
  retryPublish,
  setMandatory,
} from "@/lib/components/review";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { fitsTarget } from "@/lib/recipes/rules";
import { seedDatabase } from "@/prisma/seed-lib";

import { createTestDatabase, type Backend, type TestDatabase } from "../support/database";

const log = logger.child({ test: "component-review" });
log.level = "silent";

const DOC = (echo: string) =>
  [
    "name: TeamTools",
    "description: Installs the team's tools",
    "schemaVersion: 1.0",
    "phases:",
    "  - name: build",
    "    steps:",
    "      - name: Install",
    "        action: ExecuteBash",
    "        inputs:",
    "          commands:",
    `            - echo "${echo}"`,
    "",
  ].join("\n");

/** The component life cycle's data layer, on the given backend. */
export function componentReviewSuite(backend: Backend) {
  describe(`component review on ${backend}`, () => {
    let db: TestDatabase;
    let emulatorDir: string;
    const users: Record<string, CurrentUser> = {};

    beforeAll(async () => {
      db = await createTestDatabase(backend);
      emulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-aws-"));
      Object.assign(process.env, {
        DATABASE_URL: db.url,
        PORTAL_AWS_MODE: "local",
        AWS_EMULATOR_DIR: emulatorDir,
        AWS_EMULATOR_STEP_SECONDS: "0.3",
        AWS_MAX_ATTEMPTS: "2",
      });
      await seedDatabase(getPrisma(), { demoUsers: true });
      for (const key of ["eric", "emma", "rachel", "ravi"]) {
        users[key] = await loadUser(`${key}@example.com`);
      }
    });

    afterAll(async () => {
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      db?.stop();
      fs.rmSync(emulatorDir, { recursive: true, force: true });
    });

    const ctxOf = (user: CurrentUser) => ({ user, requestId: "t", log });

    test("an invalid document saves nothing and names line and column", async () => {
      const before = await rowCounts();
      const bad = DOC("x").replace("name: Install", "name: Install tools");

      const error = await createComponent(
        { ...componentInput("bad-tools"), document: bad },
        users.rachel,
        "t",
      ).catch((e: unknown) => e);

      expect(error).toMatchObject({
        message: "The document has 1 error; nothing was saved.",
        fieldErrors: {
          document: expect.stringMatching(
            /^Line 7, column 15: Invalid step name 'Install tools'/,
          ),
        },
      });
      expect(await rowCounts()).toEqual(before);
    });

    test("submit, self-approval refused, a second reviewer approves", async () => {
      const prisma = getPrisma();
      await createComponent(componentInput("team-tools"), users.rachel, "t");
      const version = await versionOf("team-tools", "1.0.0");
      expect(version.status).toBe("submitted");

      await expect(
        approveVersion(version.id, undefined, ctxOf(users.rachel)),
      ).rejects.toThrow("another reviewer must approve it");
      await expect(
        approveVersion(version.id, undefined, ctxOf(users.eric)),
      ).rejects.toThrow("Only CCOE reviewers");
      expect((await versionOf("team-tools", "1.0.0")).status).toBe("submitted");

      const outcome = await approveVersion(version.id, "ok", ctxOf(users.ravi));
      expect(outcome.error).toBeNull();
      expect(outcome.arn).toBe(
        `arn:aws:imagebuilder:us-east-1:${EMULATOR_ACCOUNT_ID}:component/team-tools/1.0.0/1`,
      );
      const published = await versionOf("team-tools", "1.0.0");
      expect(published).toMatchObject({
        status: "published",
        arn: outcome.arn,
        reviewedById: users.ravi.id,
        reviewComment: "ok",
      });

      const trail = await prisma.auditEntry.findMany({
        where: { entityId: version.id },
        orderBy: { at: "asc" },
      });
      expect(trail.map((e) => [e.action, e.details])).toEqual([
        ["component.version.create", expect.objectContaining({ from: null, to: "draft" })],
        ["component.submit", { from: "draft", to: "submitted" }],
        ["component.approve", { from: "submitted", to: "approved", comment: "ok" }],
        ["component.publish", { from: "approved", to: "published", arn: outcome.arn }],
      ]);
      expect(trail.map((e) => e.actorId)).toEqual([
        users.rachel.id,
        users.rachel.id,
        users.ravi.id,
        users.ravi.id,
      ]);

      const notices = await prisma.notification.findMany({
        where: { teamId: users.rachel.teamId! },
      });
      expect(notices.map((n) => n.kind).sort()).toEqual([
        "component.approved",
        "component.submitted",
      ]);
      const usable = await usableComponentVersions();
      expect(usable.map((c) => c.versionId)).toContain(version.id);
    });

    test("a recipe with the approved component builds", async () => {
      const golden = await getPrisma().goldenImage.findUniqueOrThrow({
        where: { slug: "amazon-linux-2023" },
      });
      const catalog = await usableComponentVersions();
      const items = catalog
        .filter((c) => (c.mandatory && fitsTarget(c, golden)) || c.name === "team-tools")
        .map((c) => ({ versionId: c.versionId, parameters: {} }));

      const { imageId } = await startBuild(
        { goldenImageId: golden.id, name: "uses-team-tools", version: "1.0.0", items },
        ctxOf(users.eric),
      );

      const used = await getPrisma().recipeComponent.findMany({
        where: { recipeVersion: { images: { some: { id: imageId } } } },
        select: { componentVersion: { select: { component: { select: { name: true } } } } },
      });
      expect(used.map((u) => u.componentVersion.component.name)).toContain("team-tools");
    });

    test("versions only go up and only the owners may add them", async () => {
      const component = await getPrisma().component.findUniqueOrThrow({
        where: { name: "team-tools" },
      });
      const next = (version: string) => ({
        componentId: component.id,
        version,
        document: DOC("two"),
        changeDescription: "Second",
        submit: false,
      });

      await expect(createVersion(next("1.0.0"), users.rachel, "t")).rejects
        .toMatchObject({ fieldErrors: { version: expect.stringContaining("exists already") } });
      await expect(createVersion(next("0.9.0"), users.rachel, "t")).rejects
        .toMatchObject({ fieldErrors: { version: "Use a version above 1.0.0, the latest one." } });
      await expect(createVersion(next("1.1.0"), users.eric, "t")).rejects
        .toThrow("Only the owning team or CCOE reviewers");
      await expect(
        createVersion({ ...next("1.1.0"), changeDescription: "" }, users.rachel, "t"),
      ).resolves.toBeDefined();
    });

    test("a draft changes until it is submitted, then never", async () => {
      const draft = await versionOf("team-tools", "1.1.0");
      expect(draft.status).toBe("draft");
      const input = {
        versionId: draft.id,
        version: "1.1.0",
        document: DOC("two, fixed"),
        changeDescription: "Second, fixed",
        submit: false,
      };

      await updateDraft(input, users.rachel, "t");
      expect((await versionOf("team-tools", "1.1.0")).document).toContain("fixed");
      await submitVersion(draft.id, users.rachel, "t");

      await expect(updateDraft(input, users.rachel, "t")).rejects.toThrow(
        "is submitted and can no longer change",
      );
    });

    test("a rejection needs the reviewer's comment and tells the author", async () => {
      const version = await versionOf("team-tools", "1.1.0");
      await rejectVersion(version.id, "Pin the tool version", ctxOf(users.ravi));

      expect(await versionOf("team-tools", "1.1.0")).toMatchObject({
        status: "rejected",
        reviewComment: "Pin the tool version",
      });
      const notice = await getPrisma().notification.findFirstOrThrow({
        where: { kind: "component.rejected" },
      });
      expect(notice.teamId).toBe(users.rachel.teamId);
      expect(notice.body).toContain("Pin the tool version");
      // No SMTP here: the decision mail is kept in the outbox, once.
      const mails = await getPrisma().mailMessage.findMany({
        where: { dedupKey: `component-review:${version.id}:rejected` },
      });
      expect(mails).toHaveLength(1);
      expect(mails[0].status).toBe("kept");
      expect(mails[0].text).toContain("Pin the tool version");
      const team = await getPrisma().team.findUniqueOrThrow({
        where: { id: users.rachel.teamId! },
        include: { users: true },
      });
      expect(mails[0].to.length).toBeGreaterThan(0);
      expect(team.email ? [team.email] : team.users.map((u) => u.email))
        .toEqual(expect.arrayContaining(mails[0].to));
      await expect(
        approveVersion(version.id, undefined, ctxOf(users.ravi)),
      ).rejects.toThrow("is rejected, not submitted");
    });

    test("a failed publish keeps the approval and a retry publishes", async () => {
      const component = await getPrisma().component.findUniqueOrThrow({
        where: { name: "team-tools" },
      });
      await createVersion(
        {
          componentId: component.id,
          version: "1.2.0",
          document: DOC("three"),
          changeDescription: "Third",
          submit: true,
        },
        users.rachel,
        "t",
      );
      const version = await versionOf("team-tools", "1.2.0");
      const handler = getEmulatorHandler({
        stateFile: path.resolve(emulatorDir, "state.json"),
        region: "us-east-1",
        accountId: EMULATOR_ACCOUNT_ID,
        stepSeconds: 0.3,
      });
      injectFault(handler, { operation: "CreateComponent", kind: "server-error", times: 5 });

      const failed = await approveVersion(version.id, undefined, ctxOf(users.ravi));
      clearFaults(handler);

      expect(failed.arn).toBeNull();
      expect(failed.error).toMatch(/AWS is having trouble while publishing the component/);
      expect(await versionOf("team-tools", "1.2.0")).toMatchObject({
        status: "approved",
        arn: null,
        publishError: failed.error,
      });
      const usable = await usableComponentVersions();
      expect(usable.map((c) => c.versionId)).not.toContain(version.id);

      const retried = await retryPublish(version.id, ctxOf(users.ravi));
      expect(retried.arn).toContain("component/team-tools/1.2.0/1");
      expect(await versionOf("team-tools", "1.2.0")).toMatchObject({
        status: "published",
        publishError: null,
      });
    });

    test("deprecating warns the teams whose recipes use the version", async () => {
      const version = await versionOf("team-tools", "1.0.0");
      const result = await deprecateVersion(
        version.id,
        "Use 1.2.0",
        ctxOf(users.ravi),
      );

      expect(result.warnedTeams).toBe(1);
      const notice = await getPrisma().notification.findFirstOrThrow({
        where: { kind: "component.deprecated" },
      });
      expect(notice.teamId).toBe(users.eric.teamId);
      const usable = await usableComponentVersions();
      expect(usable.map((c) => c.versionId)).not.toContain(version.id);
      expect((await versionOf("team-tools", "1.0.0")).status).toBe("deprecated");
    });

    test("a component marked mandatory is enforced on matching recipes", async () => {
      const prisma = getPrisma();
      const component = await prisma.component.findUniqueOrThrow({
        where: { name: "team-tools" },
      });
      await setMandatory(component.id, true, ctxOf(users.ravi));
      const draft = async (slug: string) => {
        const golden = await prisma.goldenImage.findUniqueOrThrow({ where: { slug } });
        const catalog = await usableComponentVersions();
        const items = catalog
          .filter((c) => c.mandatory && fitsTarget(c, golden) && c.name !== "team-tools")
          .map((c) => ({ versionId: c.versionId, parameters: {} }));

        return { goldenImageId: golden.id, name: `m-${slug}`, version: "1.0.0", items };
      };

      await expect(
        startBuild(await draft("amazon-linux-2023"), ctxOf(users.eric)),
      ).rejects.toMatchObject({
        fieldErrors: { items: "CCOE component team-tools is mandatory for this image." },
      });
      await expect(
        startBuild(await draft("ubuntu-22-04"), ctxOf(users.eric)),
      ).resolves.toMatchObject({ imageId: expect.any(String) });
      await setMandatory(component.id, false, ctxOf(users.ravi));
    });

    test("engineers author for their own team only", async () => {
      await createComponent(
        { ...componentInput("payments-agent"), submit: false },
        users.eric,
        "t",
      );
      const component = await getPrisma().component.findUniqueOrThrow({
        where: { name: "payments-agent" },
        include: { ownerTeam: true },
      });
      expect(component.ownerTeam.slug).toBe("payments");

      await expect(
        createVersion(
          {
            componentId: component.id,
            version: "1.1.0",
            document: DOC("x"),
            changeDescription: "x",
            submit: false,
          },
          users.emma,
          "t",
        ),
      ).rejects.toThrow("Only the owning team");
    });
  });
}

function componentInput(name: string) {
  return {
    name,
    platform: "Linux" as const,
    supportedOsVersions: ["Amazon Linux"],
    description: "Team tools",
    version: "1.0.0",
    document: DOC("one"),
    changeDescription: "First",
    submit: true,
  };
}

async function versionOf(name: string, version: string) {
  return getPrisma().componentVersion.findFirstOrThrow({
    where: { component: { name }, version },
  });
}

async function rowCounts() {
  const prisma = getPrisma();

  return {
    components: await prisma.component.count(),
    versions: await prisma.componentVersion.count(),
    audits: await prisma.auditEntry.count(),
  };
}

async function loadUser(email: string): Promise<CurrentUser> {
  const { team, ...user } = await getPrisma().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, role: true, team: true },
  });

  return {
    ...user,
    teamId: team?.id ?? null,
    teamSlug: team?.slug ?? null,
    teamName: team?.name ?? null,
    isCcoe: team?.isCcoe ?? false,
  };
}
