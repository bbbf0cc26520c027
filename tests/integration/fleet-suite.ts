import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { diffImages, resolveAgainst } from "@/lib/fleet/diff";
import { lineVersions, recipeChanges } from "@/lib/fleet/diff-context";
import {
  countsOverTime,
  fleetSummary,
  overdueFixes,
  topCves,
  worstImages,
} from "@/lib/fleet/queries";
import { imageVisibilityWhere, visibleImageSql } from "@/lib/ledger/visibility";
import { seedDatabase } from "@/prisma/seed-lib";

import {
  createTestDatabase,
  type Backend,
  type TestDatabase,
} from "../support/database";
import { userByEmail } from "./build-flow-suite";
import {
  createImage,
  createLine,
  daysAgo,
  type FindingSpec,
} from "./fleet-fixtures";

type Ids = Record<"a1" | "a2" | "a3" | "b1" | "b2" | "b3", string>;

/** Fleet dashboard queries and the version diff on real rows. */
export function fleetSuite(backend: Backend) {
  describe(`fleet and diff on ${backend}`, () => {
    let db: TestDatabase;
    let ids: Ids;
    let users: Record<
      "eric" | "emma" | "sofia" | "rachel" | "alice",
      CurrentUser
    >;

    beforeAll(async () => {
      db = await createTestDatabase(backend);
      process.env.DATABASE_URL = db.url;
      await seedDatabase(getPrisma(), { demoUsers: true });
      users = {
        eric: await userByEmail("eric@example.com"),
        emma: await userByEmail("emma@example.com"),
        sofia: await userByEmail("sofia@example.com"),
        rachel: await userByEmail("rachel@example.com"),
        alice: await userByEmail("alice@example.com"),
      };
      ids = await createFleet();
    });

    afterAll(async () => {
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      db?.stop();
    });

    test("raw SQL and Prisma admit the same images for every role", async () => {
      for (const user of Object.values(users)) {
        const viaPrisma = await getPrisma().image.findMany({
          where: imageVisibilityWhere(user),
          select: { id: true },
        });
        const viaSql = await getPrisma().$queryRaw<{ id: string }[]>`
          SELECT i.id FROM "Image" i WHERE ${visibleImageSql(user)}`;

        expect(viaSql.map((r) => r.id).sort()).toEqual(
          viaPrisma.map((r) => r.id).sort(),
        );
      }
      const eric = await getPrisma().image.findMany({
        where: imageVisibilityWhere(users.eric),
        select: { id: true },
      });
      expect(eric.map((r) => r.id).sort()).toEqual(
        [ids.a1, ids.a2, ids.a3, ids.b1].sort(),
      );
    });

    test("the summary counts active CVEs of each line's latest image", async () => {
      for (const user of [users.sofia, users.eric]) {
        expect(await fleetSummary(user)).toEqual({
          lines: 2,
          critical: 2,
          high: 2,
          medium: 1,
          low: 1,
          informational: 0,
          untriaged: 0,
          fixable: 3,
          withCriticalOrHigh: 2,
        });
      }
    });

    test("worst images rank by critical, high, then medium", async () => {
      const worst = await worstImages(users.sofia, 10);

      expect(worst.map((w) => [w.id, w.critical, w.high, w.medium])).toEqual([
        [ids.a2, 1, 1, 1],
        [ids.b1, 1, 1, 0],
      ]);
      expect(worst[0]).toMatchObject({
        recipeName: "pay-api",
        version: "1.1.0/1",
        teamName: "Payments",
      });
      expect(await worstImages(users.sofia, 1)).toHaveLength(1);
    });

    test("top CVEs count affected fleet images", async () => {
      const cves = await topCves(users.sofia, 10);

      expect(cves.map((c) => c.vulnerabilityId)).toEqual([
        "CVE-2024-0002",
        "CVE-2024-0004",
        "CVE-2024-0006",
        "CVE-2024-0003",
        "CVE-2024-0005",
      ]);
      expect(cves[0]).toEqual({
        vulnerabilityId: "CVE-2024-0002",
        images: 2,
        severity: "HIGH",
        maxScore: 7.5,
        fixAvailable: "YES",
        exploitAvailable: false,
      });
      expect(cves[1]).toMatchObject({ fixAvailable: "PARTIAL", images: 1 });
      expect(cves[2]).toMatchObject({
        fixAvailable: "NO",
        exploitAvailable: true,
      });
    });

    test("overdue fixes follow the number of days", async () => {
      const month = await overdueFixes(users.sofia, 30);
      expect(month.total).toBe(2);
      expect(month.rows.map((r) => [r.id, r.critical, r.high, r.cves])).toEqual(
        [
          [ids.b1, 0, 1, ["CVE-2024-0002"]],
          [ids.a2, 0, 1, ["CVE-2024-0002"]],
        ],
      );
      expect(month.rows[0].oldestSince.getTime()).toBeCloseTo(
        daysAgo(100).getTime(),
        -5,
      );

      const day = await overdueFixes(users.sofia, 1);
      expect(day.rows[0]).toMatchObject({
        id: ids.a2,
        critical: 1,
        high: 1,
        cves: ["CVE-2024-0004", "CVE-2024-0002"],
      });
      expect((await overdueFixes(users.sofia, 365)).total).toBe(0);
      expect((await overdueFixes(users.sofia, 1, 1)).rows).toHaveLength(1);
    });

    test("counts over time follow each line's latest image per week", async () => {
      const weeks = await countsOverTime(users.sofia, 26);
      expect(weeks).toHaveLength(26);
      const at = (when: Date) =>
        weeks.find(
          (w) =>
            w.weekStart.getTime() <= when.getTime() &&
            when.getTime() < w.weekStart.getTime() + 7 * 86_400_000,
        );

      expect(at(new Date())).toMatchObject({
        lines: 2,
        critical: 2,
        high: 2,
        medium: 1,
        low: 1,
      });
      expect(at(daysAgo(20))).toMatchObject({ lines: 2, critical: 2, high: 2 });
      expect(at(daysAgo(45))).toMatchObject({ lines: 1, critical: 1, high: 1 });
      expect(at(daysAgo(100))).toMatchObject({ lines: 0, critical: 0 });
      expect(weeks[0].weekStart.getUTCDay()).toBe(1);
    });

    test("the diff splits new, fixed and carried CVEs", async () => {
      const diff = await diffImages(users.eric, ids.a2, ids.a1);
      if (!diff.ok) throw new Error(diff.problem);

      expect(diff.older.id).toBe(ids.a1);
      expect(diff.counts).toEqual({ new: 3, fixed: 2, carried: 1 });
      const keys = (rows: typeof diff.groups.new) =>
        rows.map((r) => `${r.vulnerabilityId} ${r.packageName}`);
      expect(keys(diff.groups.new)).toEqual([
        "CVE-2024-0004 nodejs",
        "CVE-2024-0003 nodejs",
        "CVE-2024-0005 glibc",
      ]);
      expect(keys(diff.groups.fixed)).toEqual([
        "CVE-2024-0001 openssl",
        "CVE-2024-0003 nginx",
      ]);
      expect(diff.groups.carried[0]).toEqual({
        vulnerabilityId: "CVE-2024-0002",
        packageName: "curl",
        severity: "HIGH",
        score: 7.5,
        older: { installedVersion: "8.0", fixedInVersion: null },
        newer: { installedVersion: "8.1", fixedInVersion: "8.2" },
      });

      const reversed = await diffImages(users.eric, ids.a1, ids.a2);
      expect(reversed.ok && reversed.counts).toEqual(diff.counts);
    });

    test("the diff refuses what the user cannot compare", async () => {
      const problem = async (user: CurrentUser, a: string, b: string) => {
        const diff = await diffImages(user, a, b);

        return diff.ok ? null : diff.problem;
      };

      expect(await problem(users.eric, ids.b2, ids.b1)).toBe(
        "Image not found.",
      );
      expect(await problem(users.eric, ids.b1, ids.b2)).toMatch(/cannot see/);
      expect(await problem(users.emma, ids.b2, ids.b1)).toMatch(
        /no scan results/,
      );
      expect(await problem(users.sofia, ids.a2, ids.b1)).toMatch(
        /same image line/,
      );
      expect(await problem(users.sofia, ids.a2, ids.a2)).toMatch(
        /another version/,
      );
    });

    test("the default comparison is the previous scanned version", async () => {
      expect(await resolveAgainst(users.sofia, ids.a2, undefined)).toBe(ids.a1);
      expect(await resolveAgainst(users.sofia, ids.a3, undefined)).toBe(ids.a2);
      expect(await resolveAgainst(users.sofia, ids.a1, undefined)).toBeNull();
      expect(await resolveAgainst(users.eric, ids.b2, undefined)).toBeNull();
      expect(await resolveAgainst(users.sofia, ids.a2, "x")).toBe("x");

      const versions = await lineVersions(
        users.eric,
        (await line("ana-etl")).id,
      );
      expect(versions.map((v) => v.id)).toEqual([ids.b1]);
    });

    test("recipe changes list added, removed and kept components", async () => {
      const prisma = getPrisma();
      const [a1, a2] = await Promise.all(
        [ids.a1, ids.a2].map((id) =>
          prisma.image.findUniqueOrThrow({ where: { id } }),
        ),
      );
      const changes = await recipeChanges(
        a1.recipeVersionId,
        a2.recipeVersionId,
      );

      expect(changes.olderVersion).toBe("1.0.0");
      expect(changes.newerVersion).toBe("1.1.0");
      expect(
        changes.components.map((c) => `${c.change} ${c.name}`).sort(),
      ).toEqual([
        "added nodejs-runtime",
        "removed nginx-web-server",
        "same ccoe-hardening-rhel",
      ]);
    });

    test("two images of 1,000 findings diff in one pass", async () => {
      const recipe = await createLine("payments", "big-line");
      const many = (offset: number): FindingSpec[] =>
        Array.from({ length: 1000 }, (_, n) => ({
          cve: `CVE-2023-${String(n + offset).padStart(5, "0")}`,
          pkg: `pkg-${(n + offset) % 37}`,
          severity: ["CRITICAL", "HIGH", "MEDIUM", "LOW"][n % 4],
        }));
      const older = await createImage(recipe, "1.0.0", {
        createdAt: daysAgo(3),
        findings: many(0),
      });
      const newer = await createImage(recipe, "1.1.0", {
        createdAt: daysAgo(1),
        findings: many(300),
      });

      await diffImages(users.sofia, newer.id, older.id);
      const started = performance.now();
      const diff = await diffImages(users.sofia, newer.id, older.id);
      const ms = performance.now() - started;

      expect(diff.ok && diff.counts).toEqual({
        new: 300,
        fixed: 300,
        carried: 700,
      });
      console.info(
        `diff of 2 × 1,000 findings on ${backend}: ${ms.toFixed(1)} ms`,
      );
    });

    async function createFleet(): Promise<Ids> {
      const payApi = await createLine("payments", "pay-api");
      const anaEtl = await createLine("analytics", "ana-etl");
      const anaWeb = await createLine("analytics", "ana-web");
      const hardening = "ccoe-hardening-rhel";

      const a1 = await createImage(payApi, "1.0.0", {
        createdAt: daysAgo(60),
        components: [hardening, "nginx-web-server"],
        findings: [
          {
            cve: "CVE-2024-0001",
            pkg: "openssl",
            severity: "CRITICAL",
            fix: "YES",
            installed: "3.0.1",
            fixedIn: "3.0.2",
          },
          {
            cve: "CVE-2024-0002",
            pkg: "curl",
            severity: "HIGH",
            installed: "8.0",
            score: 7.5,
          },
          { cve: "CVE-2024-0003", pkg: "nginx", severity: "MEDIUM" },
          {
            cve: "CVE-2024-0009",
            pkg: "bash",
            severity: "LOW",
            status: "CLOSED",
          },
        ],
      });
      const a2 = await createImage(payApi, "1.1.0", {
        createdAt: daysAgo(10),
        components: [hardening, "nodejs-runtime"],
        findings: [
          {
            cve: "CVE-2024-0002",
            pkg: "curl",
            severity: "HIGH",
            fix: "YES",
            installed: "8.1",
            fixedIn: "8.2",
            score: 7.5,
            firstObservedAt: daysAgo(40),
          },
          { cve: "CVE-2024-0003", pkg: "nodejs", severity: "MEDIUM" },
          {
            cve: "CVE-2024-0004",
            pkg: "nodejs",
            severity: "CRITICAL",
            fix: "PARTIAL",
            firstObservedAt: daysAgo(5),
          },
          { cve: "CVE-2024-0005", pkg: "glibc", severity: "LOW" },
          {
            cve: "CVE-2024-0010",
            pkg: null,
            severity: "HIGH",
            type: "NETWORK_REACHABILITY",
          },
        ],
      });
      const a3 = await createImage(payApi, "1.2.0", {
        createdAt: daysAgo(2),
        status: "FAILED",
      });
      const b1 = await createImage(anaEtl, "1.0.0", {
        createdAt: daysAgo(30),
        findings: [
          {
            cve: "CVE-2024-0002",
            pkg: "curl",
            severity: "HIGH",
            fix: "PARTIAL",
            score: 7.5,
            firstObservedAt: daysAgo(100),
          },
          {
            cve: "CVE-2024-0006",
            pkg: "bash",
            severity: "CRITICAL",
            exploit: true,
          },
        ],
      });
      const b2 = await createImage(anaEtl, "1.1.0", {
        createdAt: daysAgo(1),
        status: "FAILED",
      });
      const b3 = await createImage(anaWeb, "1.0.0", {
        createdAt: daysAgo(1),
        status: "BUILDING",
      });

      return {
        a1: a1.id,
        a2: a2.id,
        a3: a3.id,
        b1: b1.id,
        b2: b2.id,
        b3: b3.id,
      };
    }

    async function line(name: string) {
      return getPrisma().recipe.findUniqueOrThrow({ where: { nameKey: name } });
    }
  });
}
