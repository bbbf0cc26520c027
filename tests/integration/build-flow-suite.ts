import path from "node:path";

import { paginateListFindings } from "@aws-sdk/client-inspector2";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { CurrentUser } from "@/lib/auth/session";
import { getEmulatorHandler } from "@/lib/aws/emulator/handler";
import { clearFaults, injectFault } from "@/lib/aws/emulator/faults";
import { EMULATOR_ACCOUNT_ID, inspector } from "@/lib/aws/clients";
import { startBuild } from "@/lib/builds/start-build";
import {
  collectAvailable,
  syncImage,
  syncImageState,
} from "@/lib/builds/sync-image";
import { usableComponentVersions } from "@/lib/components/catalog";
import { getPrisma } from "@/lib/db";
import { isUserFacing } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { fitsTarget } from "@/lib/recipes/rules";
import type { BuildRecipeInput } from "@/lib/validations/recipe";
import { seedDatabase } from "@/prisma/seed-lib";

import { startBuildWorld, type BuildWorld } from "../support/build-world";
import type { Backend } from "../support/database";

const STEP_SECONDS = 0.3;
const log = logger.child({ test: "build-flow" });
log.level = "silent";

/** The build journey's data layer, on the given database backend. */
export function buildFlowSuite(backend: Backend) {
  describe(`build flow on ${backend}`, () => {
    let world: BuildWorld;
    let engineer: CurrentUser;

    beforeAll(async () => {
      world = await startBuildWorld(backend, STEP_SECONDS);
      engineer = await userByEmail("eric@example.com");
    });

    afterAll(async () => {
      await world?.stop();
    });

    test("seeding twice changes nothing", async () => {
      const prisma = getPrisma();
      const before = await counts();
      await seedDatabase(prisma, { demoUsers: true });

      expect(await counts()).toEqual(before);
      expect(before.goldens).toBe(6);
      expect(before.users).toBe(6);
    });

    test("a build runs to AVAILABLE and its findings are kept", async () => {
      const input = await draftFor("amazon-linux-2023", "al2023-api", [
        "nginx-web-server",
      ]);
      input.items[input.items.length - 1].parameters.ServerName =
        "api.example.com";

      const { imageId } = await startBuild(input, ctx(engineer));
      const prisma = getPrisma();
      const version = await prisma.recipeVersion.findFirstOrThrow({
        where: { recipe: { name: "al2023-api" }, version: "1.0.0" },
        include: { components: { orderBy: { position: "asc" } } },
      });
      expect(version.arn).toMatch(
        /^arn:aws:imagebuilder:us-east-1:\d{12}:image-recipe\/al2023-api\/1\.0\.0$/,
      );
      expect(version.components.map((c) => c.componentVersionId)).toEqual(
        input.items.map((item) => item.versionId),
      );
      const audits = await prisma.auditEntry.findMany({
        where: { actorId: engineer.id },
        select: { action: true },
      });
      expect(audits.map((a) => a.action)).toEqual(
        expect.arrayContaining(["recipe.create", "image.build", "component.publish"]),
      );
      // The CCOE defaults the build used are now presets pipelines can use.
      const built = await prisma.image.findUniqueOrThrow({ where: { id: imageId } });
      expect(built.recipeId).toBe(version.recipeId);
      const preset = await prisma.infrastructurePreset.findUniqueOrThrow({
        where: { arn: built.infrastructureArn },
      });
      expect(preset.instanceTypes).toEqual(["t3.medium"]);
      const setting = await prisma.distributionSetting.findUniqueOrThrow({
        where: { arn: built.distributionArn },
      });
      expect(setting.regions).toHaveLength(2);

      const image = await waitForFindings(imageId);
      expect(image.status).toBe("AVAILABLE");
      expect(image.amis.map((a) => a.region).sort()).toEqual([
        "eu-west-1",
        "us-east-1",
      ]);
      for (const ami of image.amis) {
        expect(ami.amiId).toMatch(/^ami-[0-9a-f]{17}$/);
        expect(ami.accountId).toBe(EMULATOR_ACCOUNT_ID);
      }
      const statuses = image.events.map((e) => e.status);
      expect(statuses[0]).toBe("PENDING");
      expect(statuses.at(-1)).toBe("AVAILABLE");

      const findings = await prisma.finding.findMany({ where: { imageId } });
      expect(findings.length).toBeGreaterThan(5);
      expect(findings.some((f) => f.packageName === "nginx")).toBe(true);
      const total =
        image.critical + image.high + image.medium + image.low +
        image.informational + image.untriaged;
      expect(total).toBe(findings.length);
      for (const finding of findings) {
        expect(finding.vulnerabilityId).toMatch(/^CVE-\d{4}-\d{4,}$/);
      }
    });

    test("the same request twice is one build", async () => {
      const input = await draftFor("ubuntu-22-04", "jammy-base", []);
      const first = await startBuild(input, ctx(engineer));
      const second = await startBuild(input, ctx(engineer));

      expect(second.imageId).toBe(first.imageId);
      expect(first.earlier).toBeUndefined();
      expect(second.earlier).toEqual({ version: "1.0.0/1" });
      const images = await getPrisma().image.count({
        where: { recipeVersion: { recipe: { name: "jammy-base" } } },
      });
      expect(images).toBe(1);
    });

    test("other contents under an existing version are refused", async () => {
      const input = await draftFor("ubuntu-22-04", "jammy-base", [
        "nodejs-runtime",
      ]);
      const error = await startBuild(input, ctx(engineer)).catch((e) => e);

      expect(isUserFacing(error)).toBe(true);
      expect(error.fieldErrors.version).toMatch(/use a higher version/);
    });

    test("the server re-checks the recipe", async () => {
      const input = await draftFor("amazon-linux-2023", "no-hardening", [
        "nginx-web-server",
      ]);
      input.items = input.items.filter((item) => item.parameters.ServerName === undefined);
      const missingParam = await startBuild(input, ctx(engineer)).catch((e) => e);
      expect(missingParam.fieldErrors).toMatchObject({
        "items.1.ServerName": expect.stringMatching(/required/),
      });

      const noMandatory = { ...input, items: input.items.slice(1) };
      const error = await startBuild(noMandatory, ctx(engineer)).catch((e) => e);
      expect(error.fieldErrors.items).toMatch(/mandatory/);

      const unknown = {
        ...input,
        items: [...input.items, { versionId: "nope", parameters: {} }],
      };
      const unknownError = await startBuild(unknown, ctx(engineer)).catch((e) => e);
      expect(Object.values(unknownError.fieldErrors).join()).toMatch(/unknown/);
      expect(
        await getPrisma().recipe.count({ where: { name: "no-hardening" } }),
      ).toBe(0);
    });

    test("a failed AWS call leaves no rows and a retry succeeds", async () => {
      const handler = getEmulatorHandler({
        stateFile: path.resolve(world.emulatorDir, "state.json"),
        region: "us-east-1",
        accountId: EMULATOR_ACCOUNT_ID,
        stepSeconds: STEP_SECONDS,
      });
      injectFault(handler, { operation: "CreateImage", kind: "server-error", times: 5 });
      const input = await draftFor("rhel-9", "rhel-retry", []);

      await expect(startBuild(input, ctx(engineer))).rejects.toMatchObject({
        name: "ServiceException",
      });
      const prisma = getPrisma();
      expect(await prisma.recipe.count({ where: { name: "rhel-retry" } })).toBe(0);

      clearFaults(handler);
      const { imageId } = await startBuild(input, ctx(engineer));
      const image = await prisma.image.findUniqueOrThrow({ where: { id: imageId } });
      expect(image.arn).toMatch(/image\/rhel-retry\/1\.0\.0\/1$/);
    });

    test("images collected together each keep their own findings", async () => {
      const prisma = getPrisma();
      const handler = getEmulatorHandler({
        stateFile: path.resolve(world.emulatorDir, "state.json"),
        region: "us-east-1",
        accountId: EMULATOR_ACCOUNT_ID,
        stepSeconds: STEP_SECONDS,
      });
      const goldens = ["amazon-linux-2023", "ubuntu-22-04", "rhel-9"];
      const imageIds: string[] = [];
      for (let n = 0; n < 12; n += 1) {
        const input = await draftFor(goldens[n % 3], `batch-${n}`, []);
        imageIds.push((await startBuild(input, ctx(engineer))).imageId);
      }
      await waitForStates(imageIds);

      // The first ListFindings of the batch fails (with its retry), so the
      // batch is collected again image by image.
      injectFault(handler, { operation: "ListFindings", kind: "server-error", times: 2 });
      await collectAvailable(imageIds, log);
      clearFaults(handler);

      const images = await prisma.image.findMany({
        where: { id: { in: imageIds } },
        include: { amis: true, findings: { select: { findingArn: true, severity: true } } },
      });
      expect(images.every((image) => image.findingsCollectedAt)).toBe(true);
      for (const image of images) {
        const home = image.amis.find((ami) => ami.region === "us-east-1")!;
        const own = await findingArnsOf(home.amiId);
        expect(own.length).toBeGreaterThan(0);
        expect(image.findings.map((f) => f.findingArn).sort()).toEqual(own);
        expect(image.critical).toBe(
          image.findings.filter((f) => f.severity === "CRITICAL").length,
        );
      }
      const audits = () =>
        prisma.auditEntry.count({
          where: { action: "image.findings.collect", entityId: { in: imageIds } },
        });
      expect(await audits()).toBe(12);

      // Collected images are not collected again.
      await collectAvailable(imageIds, log);
      expect(await audits()).toBe(12);
    });

    test("a failing build step ends FAILED with the reason", async () => {
      const prisma = getPrisma();
      const ccoe = await prisma.team.findUniqueOrThrow({ where: { slug: "ccoe" } });
      const component = await prisma.component.create({
        data: {
          name: "broken-step",
          platform: "Linux",
          supportedOsVersions: [],
          type: "BUILD",
          description: "Fails on purpose",
          ownerTeamId: ccoe.id,
          versions: {
            create: {
              version: "1.0.0",
              status: "approved",
              changeDescription: "test",
              parameters: [],
              document: [
                "schemaVersion: 1.0",
                "phases:",
                "  - name: build",
                "    steps:",
                "      - name: Explode",
                "        action: ExecuteBash",
                "        inputs:",
                "          commands:",
                "            - exit 1",
              ].join("\n"),
            },
          },
        },
      });
      const input = await draftFor("amazon-linux-2023", "broken", ["broken-step"]);
      const { imageId } = await startBuild(input, ctx(engineer));
      const image = await waitForStatus(imageId, ["FAILED"]);

      expect(image.statusReason).toMatch(/Explode/);
      expect(image.findingsCollectedAt).toBeNull();
      await prisma.componentVersion.updateMany({
        where: { componentId: component.id },
        data: { status: "deprecated" },
      });
    });
  });
}

export function ctx(user: CurrentUser) {
  return { user, requestId: "test-request", log };
}

export async function userByEmail(email: string): Promise<CurrentUser> {
  const user = await getPrisma().user.findUniqueOrThrow({
    where: { email },
    include: { team: true },
  });

  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    teamSlug: user.team?.slug ?? null,
    teamName: user.team?.name ?? null,
    isCcoe: user.team?.isCcoe ?? false,
  };
}

/** A valid draft: the mandatory components plus the named extras. */
export async function draftFor(
  goldenSlug: string,
  name: string,
  extras: string[],
): Promise<BuildRecipeInput> {
  const golden = await getPrisma().goldenImage.findUniqueOrThrow({
    where: { slug: goldenSlug },
  });
  const catalog = await usableComponentVersions();
  const mandatory = catalog.filter((c) => c.mandatory && fitsTarget(c, golden));
  const chosen = extras.map((extra) => {
    const found = catalog.find((c) => c.name === extra);
    if (!found) throw new Error(`no component ${extra}`);
    return found;
  });

  return {
    goldenImageId: golden.id,
    name,
    version: "1.0.0",
    items: [...mandatory, ...chosen].map((c) => ({
      versionId: c.versionId,
      parameters: Object.fromEntries(
        c.parameters
          .filter((p) => p.defaultValue !== undefined)
          .map((p) => [p.name, p.defaultValue!]),
      ),
    })),
  };
}

async function counts() {
  const prisma = getPrisma();

  return {
    teams: await prisma.team.count(),
    users: await prisma.user.count(),
    goldens: await prisma.goldenImage.count(),
    components: await prisma.component.count(),
    versions: await prisma.componentVersion.count(),
  };
}

export async function waitForStatus(imageId: string, wanted: string[]) {
  const prisma = getPrisma();
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await syncImage(imageId, log);
    const image = await prisma.image.findUniqueOrThrow({ where: { id: imageId } });
    if (wanted.includes(image.status)) return image;

    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`image ${imageId} never reached ${wanted.join("/")}`);
}

/** Brings the builds' states up to date without collecting findings. */
async function waitForStates(imageIds: string[]) {
  const prisma = getPrisma();
  for (let attempt = 0; attempt < 60; attempt += 1) {
    for (const id of imageIds) await syncImageState(id, log);
    const available = await prisma.image.count({
      where: { id: { in: imageIds }, status: "AVAILABLE" },
    });
    if (available === imageIds.length) return;

    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the builds never became AVAILABLE");
}

/** What Inspector itself lists for one AMI, asked on its own. */
async function findingArnsOf(amiId: string): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListFindings(
    { client: inspector() },
    { filterCriteria: { ec2InstanceImageId: [{ comparison: "EQUALS", value: amiId }] } },
  )) {
    arns.push(...(page.findings ?? []).map((f) => f.findingArn!));
  }

  return arns.sort();
}

async function waitForFindings(imageId: string) {
  await waitForStatus(imageId, ["AVAILABLE"]);
  await syncImage(imageId, log);

  return getPrisma().image.findUniqueOrThrow({
    where: { id: imageId },
    include: { amis: true, events: { orderBy: { at: "asc" } } },
  });
}
