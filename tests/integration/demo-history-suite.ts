import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { getPrisma } from "@/lib/db";
import { seedDemoHistory } from "@/prisma/seed-history/run";
import { seedDatabase } from "@/prisma/seed-lib";

import {
  createTestDatabase,
  type Backend,
  type TestDatabase,
} from "../support/database";

/** The demo history seed on a freshly seeded database. */
export function demoHistorySuite(backend: Backend) {
  describe(`demo history seed on ${backend}`, () => {
    let db: TestDatabase;
    let refused: Awaited<ReturnType<typeof seedDemoHistory>>;
    let first: Awaited<ReturnType<typeof seedDemoHistory>>;

    beforeAll(async () => {
      db = await createTestDatabase(backend);
      process.env.DATABASE_URL = db.url;
      await seedDatabase(getPrisma(), { demoUsers: true });
      refused = await seedDemoHistory(getPrisma(), { mode: "aws" });
      first = await seedDemoHistory(getPrisma(), { mode: "local" });
    });

    afterAll(async () => {
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      db?.stop();
    });

    test("refuses in AWS mode even on an empty database", () => {
      expect(refused).toEqual({
        seeded: false,
        reason: "the portal is in AWS mode",
      });
    });

    test("creates lines of 3 to 6 builds by the owning team", async () => {
      const prisma = getPrisma();
      expect(first.seeded).toBe(true);
      const recipes = await prisma.recipe.findMany({
        include: {
          images: { include: { createdBy: true } },
          versions: {
            include: {
              components: {
                orderBy: { position: "asc" },
                include: { componentVersion: { include: { component: true } } },
              },
            },
          },
          goldenImage: true,
        },
      });

      expect(recipes.length).toBeGreaterThanOrEqual(8);
      expect(recipes.length).toBeLessThanOrEqual(12);
      expect(new Set(recipes.map((r) => r.teamId)).size).toBe(3);
      for (const recipe of recipes) {
        expect(recipe.images.length).toBeGreaterThanOrEqual(3);
        expect(recipe.images.length).toBeLessThanOrEqual(6);
        for (const image of recipe.images) {
          expect(image.teamId).toBe(recipe.teamId);
          expect(image.createdBy.teamId).toBe(recipe.teamId);
          expect(image.goldenImageId).toBe(recipe.goldenImageId);
        }
        for (const version of recipe.versions) {
          const [hardening, ...rest] = version.components;
          expect(hardening.componentVersion.component.mandatory).toBe(true);
          expect(rest.every((c) => !c.componentVersion.component.mandatory))
            .toBe(true);
          for (const item of version.components) {
            expect(item.componentVersion.component.platform).toBe(
              recipe.goldenImage.platform,
            );
          }
        }
      }
    });

    test("statuses, AMIs and AWS state look like real builds", async () => {
      const images = await getPrisma().image.findMany({
        include: { amis: true, events: { orderBy: { at: "asc" } } },
      });
      const byStatus = (status: string) =>
        images.filter((image) => image.status === status);

      expect(byStatus("AVAILABLE").length).toBeGreaterThan(images.length / 2);
      expect(byStatus("CANCELLED")).toHaveLength(1);
      expect(byStatus("FAILED").length).toBeGreaterThanOrEqual(2);
      for (const image of byStatus("FAILED")) {
        expect(image.statusReason).toMatch(/^Step '.+' of component '.+'/);
      }
      for (const image of images) {
        expect(image.awsState).toBe("DELETED");
        expect(image.awsStateAt!.getTime()).toBeGreaterThan(
          image.finishedAt!.getTime(),
        );
        expect(image.events[0].status).toBe("PENDING");
        expect(image.events.at(-2)!.status).toBe(image.status);
        expect(image.events.at(-1)!.status).toBe("DELETED");
        if (image.status !== "AVAILABLE") {
          expect(image.amis).toHaveLength(0);
          expect(image.findingsCollectedAt).toBeNull();
          continue;
        }
        expect(image.amis.map((ami) => ami.region).sort()).toEqual([
          "eu-west-1",
          "us-east-1",
        ]);
        for (const ami of image.amis) {
          expect(ami.amiId).toMatch(/^ami-[0-9a-f]{17}$/);
        }
        expect(image.findingsCollectedAt).not.toBeNull();
      }
    });

    test("image counts are those of its active package CVEs", async () => {
      const prisma = getPrisma();
      const images = await prisma.image.findMany({
        where: { status: "AVAILABLE" },
      });
      let total = 0;
      for (const image of images) {
        const rows = await prisma.finding.findMany({
          where: {
            imageId: image.id,
            status: "ACTIVE",
            type: "PACKAGE_VULNERABILITY",
          },
          select: { severity: true, fixAvailable: true },
        });
        const count = (severity: string) =>
          rows.filter((row) => row.severity === severity).length;
        total += rows.length;

        expect(rows.length).toBeGreaterThan(0);
        expect({
          critical: image.critical,
          high: image.high,
          medium: image.medium,
          low: image.low,
          informational: image.informational,
          untriaged: image.untriaged,
          fixable: image.fixable,
        }).toEqual({
          critical: count("CRITICAL"),
          high: count("HIGH"),
          medium: count("MEDIUM"),
          low: count("LOW"),
          informational: count("INFORMATIONAL"),
          untriaged: count("UNTRIAGED"),
          fixable: rows.filter((row) => row.fixAvailable !== "NO").length,
        });
      }

      expect(first.seeded && first.findings).toBe(total);
    });

    test("a line's next version both fixes and picks up CVEs", async () => {
      const prisma = getPrisma();
      const images = await prisma.image.findMany({
        where: { status: "AVAILABLE" },
        orderBy: { createdAt: "asc" },
        include: { findings: { select: { vulnerabilityId: true } } },
      });
      const cves = (image: (typeof images)[number]) =>
        new Set(image.findings.map((f) => f.vulnerabilityId));
      let both = 0;
      for (const [index, image] of images.entries()) {
        const previous = images
          .slice(0, index)
          .findLast((other) => other.recipeId === image.recipeId);
        if (!previous) continue;
        const before = cves(previous);
        const after = cves(image);
        const added = [...after].filter((cve) => !before.has(cve));
        const fixed = [...before].filter((cve) => !after.has(cve));
        if (added.length > 0 && fixed.length > 0) both++;
      }

      expect(both).toBeGreaterThanOrEqual(1);
    });

    test("audits each imported build", async () => {
      const entries = await getPrisma().auditEntry.findMany({
        where: { action: "image.import" },
      });

      expect(entries).toHaveLength(await getPrisma().image.count());
      for (const entry of entries) {
        expect(entry.actorId).toBeNull();
        expect(entry.details).toMatchObject({ source: "demo-history" });
      }
    });

    test("a second run adds nothing", async () => {
      const prisma = getPrisma();
      const before = await Promise.all([
        prisma.recipe.count(),
        prisma.image.count(),
        prisma.finding.count(),
        prisma.auditEntry.count(),
      ]);
      const again = await seedDemoHistory(prisma, { mode: "local" });

      expect(again).toEqual({
        seeded: false,
        reason: `the database already has ${before[1]} images`,
      });
      expect(
        await Promise.all([
          prisma.recipe.count(),
          prisma.image.count(),
          prisma.finding.count(),
          prisma.auditEntry.count(),
        ]),
      ).toEqual(before);
    });
  });
}
