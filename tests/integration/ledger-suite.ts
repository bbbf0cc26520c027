import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { CurrentUser } from "@/lib/auth/session";
import {
  getComponentDetail,
  listComponents,
  versionUsage,
} from "@/lib/components/library";
import { getPrisma } from "@/lib/db";
import { ledgerOrderBy, ledgerWhere } from "@/lib/ledger/ledger-query";
import {
  LEDGER_ROW_SELECT,
  ledgerFilterOptions,
  listLedger,
} from "@/lib/ledger/queries";
import { getLineTimeline } from "@/lib/ledger/timeline";
import { canSeeImage } from "@/lib/ledger/visibility";
import { getImage } from "@/lib/queries/images";
import {
  LEDGER_SORTS,
  parseLedgerParams,
  type LedgerQuery,
} from "@/lib/validations/ledger-filters";
import { seedDatabase } from "@/prisma/seed-lib";

import {
  createTestDatabase,
  type Backend,
  type TestDatabase,
} from "../support/database";
import { createImage, createLine } from "../support/ledger-fixtures";
import { userByEmail } from "./build-flow-suite";

const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 2, d, hour));

function query(params: Record<string, string> = {}): LedgerQuery {
  const parsed = parseLedgerParams(params);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));

  return parsed.query;
}

/** The ledger read model on rows made directly, on the given backend. */
export function ledgerSuite(backend: Backend) {
  describe(`AMI ledger on ${backend}`, () => {
    let db: TestDatabase;
    let security: CurrentUser;
    let eric: CurrentUser;
    let emma: CurrentUser;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      db = await createTestDatabase(backend);
      process.env.DATABASE_URL = db.url;
      const prisma = getPrisma();
      await seedDatabase(prisma, { demoUsers: true });
      [security, eric, emma] = await Promise.all(
        ["sofia@example.com", "eric@example.com", "emma@example.com"].map(
          userByEmail,
        ),
      );

      const api = await createLine(prisma, {
        name: "payments-api",
        team: "payments",
        golden: "amazon-linux-2023",
        author: "eric@example.com",
        versions: [
          {
            version: "1.0.0",
            components: ["ssm-agent-linux", "nginx-web-server"],
          },
          {
            version: "1.1.0",
            components: ["ssm-agent-linux", "nodejs-runtime"],
          },
        ],
      });
      const etl = await createLine(prisma, {
        name: "analytics-etl",
        team: "analytics",
        golden: "ubuntu-22-04",
        author: "emma@example.com",
        versions: [{ version: "2.0.0", components: ["ssm-agent-linux"] }],
      });
      const make = async (
        key: string,
        line: typeof api,
        spec: Parameters<typeof createImage>[2],
      ) => {
        ids[key] = (await createImage(prisma, line, spec)).id;
      };
      await make("api1", api, {
        recipeVersion: "1.0.0",
        createdAt: day(1),
        critical: 2,
        high: 1,
        medium: 4,
        fixable: 3,
      });
      await make("api2", api, {
        recipeVersion: "1.1.0",
        createdAt: day(5),
        high: 3,
        low: 2,
      });
      await make("apiFailed", api, {
        recipeVersion: "1.1.0",
        status: "FAILED",
        createdAt: day(6),
      });
      await make("etl1", etl, {
        recipeVersion: "2.0.0",
        createdAt: day(3),
        medium: 1,
        awsState: "DELETED",
      });
      await make("etl2", etl, {
        recipeVersion: "2.0.0",
        createdAt: day(7),
        critical: 1,
        fixable: 1,
        awsState: "DEPRECATED",
      });
      await make("etlFailed", etl, {
        recipeVersion: "2.0.0",
        status: "FAILED",
        createdAt: day(8),
      });
      // Same time as etl2: the id breaks the tie.
      await make("etlBuilding", etl, {
        recipeVersion: "2.0.0",
        status: "BUILDING",
        createdAt: day(7),
      });
    });

    afterAll(async () => {
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      db?.stop();
    });

    const names = (rows: { id: string }[]) =>
      rows.map((row) => Object.keys(ids).find((key) => ids[key] === row.id));

    test("security sees every image, newest first", async () => {
      const { rows, total, pages } = await listLedger(security, query());

      expect(total).toBe(7);
      expect(pages).toBe(1);
      const tied = [ids.etl2, ids.etlBuilding].sort().reverse();
      expect(rows.map((r) => r.id)).toEqual([
        ids.etlFailed,
        ...tied,
        ids.apiFailed,
        ids.api2,
        ids.etl1,
        ids.api1,
      ]);
      expect(rows[0]).toMatchObject({
        team: { name: "Analytics" },
        recipe: { name: "analytics-etl" },
        goldenImage: { name: "Ubuntu 22.04 LTS" },
      });
    });

    test("the raw ledger statement equals the Prisma filters and sorts", async () => {
      const cases: Record<string, string>[] = [
        {},
        { team: "payments" },
        { golden: "amazon-linux-2023", severe: "1" },
        { os: "Amazon Linux 2023", fixable: "1" },
        { status: "FAILED" },
        { from: "2026-03-02", to: "2026-03-04" },
        { aws: "present" },
        { aws: "deleted" },
        ...LEDGER_SORTS.flatMap((sort) => [
          { sort, dir: "asc" },
          { sort, dir: "desc" },
        ]),
        { sort: "total", dir: "asc", size: "25", page: "2" },
      ];
      for (const user of [security, eric, emma]) {
        for (const params of cases) {
          const q = query(params);
          const where = ledgerWhere(q, user);
          const expected = await getPrisma().image.findMany({
            where,
            orderBy: ledgerOrderBy(q),
            select: LEDGER_ROW_SELECT,
            skip: (q.page - 1) * q.size,
            take: q.size,
          });
          const page = await listLedger(user, q);

          expect(page.rows, JSON.stringify(params)).toEqual(expected);
          expect(page.total).toBe(await getPrisma().image.count({ where }));
        }
      }
    });

    test("the filter bar lists every team and golden image in order", async () => {
      const prisma = getPrisma();
      const goldens = await prisma.goldenImage.findMany({
        orderBy: { sortOrder: "asc" },
        select: { slug: true, name: true, osVersion: true },
      });

      expect(await ledgerFilterOptions()).toEqual({
        teams: await prisma.team.findMany({
          orderBy: { name: "asc" },
          select: { slug: true, name: true },
        }),
        goldens,
        osVersions: [...new Set(goldens.map((g) => g.osVersion))].sort(),
      });
    });

    test("each filter narrows the ledger", async () => {
      const pick = async (params: Record<string, string>) =>
        names((await listLedger(security, query(params))).rows).sort();

      expect(await pick({ team: "payments" })).toEqual([
        "api1",
        "api2",
        "apiFailed",
      ]);
      expect(
        await pick({ golden: "ubuntu-22-04", status: "AVAILABLE" }),
      ).toEqual(["etl1", "etl2"]);
      expect(await pick({ os: "Amazon Linux 2023" })).toEqual([
        "api1",
        "api2",
        "apiFailed",
      ]);
      expect(await pick({ status: "FAILED" })).toEqual([
        "apiFailed",
        "etlFailed",
      ]);
      expect(await pick({ from: "2026-03-05", to: "2026-03-07" })).toEqual([
        "api2",
        "apiFailed",
        "etl2",
        "etlBuilding",
      ]);
      expect(await pick({ severe: "1" })).toEqual(["api1", "api2", "etl2"]);
      expect(await pick({ fixable: "1" })).toEqual(["api1", "etl2"]);
      expect(await pick({ aws: "deleted" })).toEqual(["etl1"]);
      expect(await pick({ aws: "deprecated" })).toEqual(["etl2"]);
      expect(await pick({ aws: "present", team: "analytics" })).toEqual([
        "etlBuilding",
        "etlFailed",
      ]);
      expect(
        await pick({ team: "payments", severe: "1", fixable: "1" }),
      ).toEqual(["api1"]);
    });

    test("sorts by counts, total and names in both directions", async () => {
      const sorted = async (sort: string, dir: string, params = {}) =>
        names(
          (
            await listLedger(
              security,
              query({ sort, dir, status: "AVAILABLE", ...params }),
            )
          ).rows,
        );

      expect(await sorted("critical", "desc")).toEqual([
        "api1",
        "etl2",
        "api2",
        "etl1",
      ]);
      expect(await sorted("high", "desc")).toEqual([
        "api2",
        "api1",
        "etl2",
        "etl1",
      ]);
      // Totals: api1 7, api2 5, etl1 1, etl2 1 (the newer first on a tie).
      expect(await sorted("total", "desc")).toEqual([
        "api1",
        "api2",
        "etl2",
        "etl1",
      ]);
      expect(await sorted("total", "asc")).toEqual([
        "etl2",
        "etl1",
        "api2",
        "api1",
      ]);
      expect(await sorted("team", "asc")).toEqual([
        "etl2",
        "etl1",
        "api2",
        "api1",
      ]);
      expect(await sorted("team", "desc")).toEqual([
        "api2",
        "api1",
        "etl2",
        "etl1",
      ]);
      expect(await sorted("version", "desc", { team: "payments" })).toEqual([
        "api2",
        "api1",
      ]);
      expect(await sorted("created", "asc")).toEqual([
        "api1",
        "etl1",
        "api2",
        "etl2",
      ]);
      const byStatus = await listLedger(
        security,
        query({ sort: "status", dir: "asc" }),
      );
      expect(byStatus.rows.map((r) => r.status)).toEqual([
        "AVAILABLE",
        "AVAILABLE",
        "AVAILABLE",
        "AVAILABLE",
        "BUILDING",
        "FAILED",
        "FAILED",
      ]);
      expect(byStatus.rows[0].totalFindings).toBe(1);
    });

    test("pages are stable and carry the total", async () => {
      const seen: string[] = [];
      const prisma = getPrisma();
      const line = await prisma.recipe.findFirstOrThrow({
        where: { name: "payments-api" },
      });
      const lineRef = {
        id: line.id,
        teamId: line.teamId,
        goldenImageId: line.goldenImageId,
        authorId: eric.id,
        nameKey: line.nameKey,
        versions: Object.fromEntries(
          (
            await prisma.recipeVersion.findMany({
              where: { recipeId: line.id },
            })
          ).map((v) => [v.version, v.id]),
        ),
      };
      // Thirty builds at the very same moment: only the tie-break orders them.
      for (let n = 0; n < 30; n += 1) {
        await createImage(prisma, lineRef, {
          recipeVersion: "1.1.0",
          createdAt: day(20),
          status: "CANCELLED",
        });
      }
      for (let page = 1; page <= 2; page += 1) {
        const result = await listLedger(
          security,
          query({ status: "CANCELLED", page: String(page) }),
        );
        expect(result.total).toBe(30);
        expect(result.pages).toBe(2);
        seen.push(...result.rows.map((r) => r.id));
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
      expect(seen).toEqual([...seen].sort().reverse());
      const big = await listLedger(security, query({ size: "50" }));
      expect(big.rows).toHaveLength(37);
      const beyond = await listLedger(security, query({ page: "9" }));
      expect(beyond).toMatchObject({ rows: [], total: 37, pages: 2 });
      await prisma.imageStatusEvent.deleteMany({
        where: { image: { status: "CANCELLED" } },
      });
      await prisma.image.deleteMany({ where: { status: "CANCELLED" } });
    });

    test("an engineer sees own drafts and other teams' releases", async () => {
      const eric1 = await listLedger(eric, query());
      expect(names(eric1.rows).sort()).toEqual([
        "api1",
        "api2",
        "apiFailed",
        "etl1",
        "etl2",
      ]);
      const emma1 = await listLedger(emma, query({ status: "FAILED" }));
      expect(names(emma1.rows)).toEqual(["etlFailed"]);
      expect((await listLedger(emma, query({ team: "payments" }))).total).toBe(
        2,
      );

      expect(await getImage(ids.etlFailed, eric)).toBeNull();
      expect(await getImage(ids.etl2, eric)).toMatchObject({ id: ids.etl2 });
      expect(await getImage(ids.etlFailed, security)).toMatchObject({
        id: ids.etlFailed,
      });
      const failed = await getPrisma().image.findUniqueOrThrow({
        where: { id: ids.etlFailed },
      });
      expect(canSeeImage(eric, failed)).toBe(false);
      expect(canSeeImage(emma, failed)).toBe(true);
    });

    test("the line timeline: versions, changes and what to compare", async () => {
      const timeline = await getLineTimeline(
        (
          await getPrisma().recipe.findFirstOrThrow({
            where: { name: "payments-api" },
          })
        ).id,
        security,
      );
      expect(timeline).not.toBeNull();
      const rows = timeline!.rows;
      expect(names(rows)).toEqual(["apiFailed", "api2", "api1"]);
      expect(rows[1].changes).toEqual([
        { kind: "added", name: "nodejs-runtime", version: expect.any(String) },
        {
          kind: "removed",
          name: "nginx-web-server",
          version: expect.any(String),
        },
      ]);
      expect(rows[2].changes).toBeNull();
      expect(rows[0].changes).toBe("same");
      expect(rows[1].previousImageId).toBe(ids.api1);
      expect(rows[0].previousImageId).toBeNull();
      expect(timeline!.chart.map((p) => p.imageId)).toEqual([
        ids.api1,
        ids.api2,
      ]);
      expect(timeline!.chart[0]).toMatchObject({
        critical: 2,
        high: 1,
        medium: 4,
      });

      const etl = await getPrisma().recipe.findFirstOrThrow({
        where: { name: "analytics-etl" },
      });
      const seenByEric = await getLineTimeline(etl.id, eric);
      expect(names(seenByEric!.rows)).toEqual(["etl2", "etl1"]);
    });

    test("engineers do not see other teams' unreleased component versions", async () => {
      const prisma = getPrisma();
      const payments = await prisma.team.findUniqueOrThrow({
        where: { slug: "payments" },
      });
      await prisma.component.create({
        data: {
          name: "payments-secret-tool",
          platform: "Linux",
          supportedOsVersions: [],
          type: "BUILD",
          description: "Work in progress",
          ownerTeamId: payments.id,
          versions: {
            create: [
              {
                version: "1.0.0",
                status: "published",
                document: "x",
                parameters: [],
                changeDescription: "first",
              },
              {
                version: "1.1.0",
                status: "draft",
                document: "y",
                parameters: [],
                changeDescription: "wip",
              },
            ],
          },
        },
      });
      await prisma.component.create({
        data: {
          name: "payments-only-draft",
          platform: "Linux",
          supportedOsVersions: [],
          type: "BUILD",
          description: "Not submitted",
          ownerTeamId: payments.id,
          versions: {
            create: {
              version: "0.1.0",
              status: "submitted",
              document: "z",
              parameters: [],
              changeDescription: "wip",
            },
          },
        },
      });

      const forEmma = await listComponents({}, emma);
      const tool = forEmma.find((row) => row.name === "payments-secret-tool");
      expect(tool?.latest).toEqual({ version: "1.0.0", status: "published" });
      expect(forEmma.some((row) => row.name === "payments-only-draft")).toBe(
        false,
      );
      expect(
        await listComponents({ status: "draft", team: "payments" }, emma),
      ).toEqual([]);
      const detail = await getComponentDetail("payments-secret-tool", emma);
      expect(detail?.versions.map((v) => v.version)).toEqual(["1.0.0"]);
      expect(await getComponentDetail("payments-only-draft", emma)).toBeNull();

      const forEric = await getComponentDetail("payments-secret-tool", eric);
      expect(forEric?.versions.map((v) => v.version)).toEqual([
        "1.1.0",
        "1.0.0",
      ]);
      const rachel = await userByEmail("rachel@example.com");
      expect(
        await getComponentDetail("payments-only-draft", rachel),
      ).not.toBeNull();
      expect(
        (await listComponents({}, security)).some(
          (r) => r.name === "payments-only-draft",
        ),
      ).toBe(true);
    });

    test("where a component version is used lists only visible images", async () => {
      const ssm = await getPrisma().componentVersion.findFirstOrThrow({
        where: { component: { name: "ssm-agent-linux" } },
        orderBy: { createdAt: "desc" },
      });
      const images = (usage: Awaited<ReturnType<typeof versionUsage>>) =>
        usage.flatMap((version) => version.images.map((image) => image.id));

      const forEric = images(await versionUsage(ssm.id, eric));
      expect(forEric).not.toContain(ids.etlFailed);
      expect(forEric).toContain(ids.etl2);
      expect(images(await versionUsage(ssm.id, security))).toContain(
        ids.etlFailed,
      );
    });
  });
}
