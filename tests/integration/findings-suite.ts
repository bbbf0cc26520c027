import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { POST } from "@/app/api/events/route";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma, sqlTransaction } from "@/lib/db";
import { getCveDetail } from "@/lib/findings/cve";
import { corpusJson, corpusText } from "@/lib/findings/fixtures";
import { ingestFindings } from "@/lib/findings/ingest";
import {
  exportImageFindings,
  listImageFindings,
  listNetworkFindings,
} from "@/lib/findings/queries";
import { getLedgerRecord } from "@/lib/ledger/image-record";
import { getImagePage } from "@/lib/queries/image-page";
import { getImage } from "@/lib/queries/images";
import { listImageReports } from "@/lib/queries/pipelines";
import { seedDatabase } from "@/prisma/seed-lib";
import {
  parseFindingsFilters,
  type FindingsFilters,
} from "@/lib/validations/findings-filters";

import type { Backend, TestDatabase } from "../support/database";
import { createTestDatabase } from "../support/database";
import { createImageRow } from "../support/images";
import { userByEmail } from "./build-flow-suite";

const SECRET = "integration-findings-secret";
const CORPUS_AMI = "ami-0123456789abc0031";
const SYNTHETIC_AMI = "ami-0feedfacefeed0001";
const DRAFT_AMI = "ami-0feedfacefeed0002";

type Envelope = Record<string, unknown> & { detail: Record<string, unknown> };

/** Corpus findings and events through the real event route, on `backend`. */
export function findingsSuite(backend: Backend) {
  describe(`findings on ${backend}`, () => {
    let db: TestDatabase;
    let corpusImageId: string;
    let syntheticImageId: string;
    let draftImageId: string;
    let security: CurrentUser;
    let otherEngineer: CurrentUser;

    beforeAll(async () => {
      db = await createTestDatabase(backend);
      Object.assign(process.env, {
        DATABASE_URL: db.url,
        PORTAL_AWS_MODE: "local",
        PORTAL_EVENTS_SECRET: SECRET,
      });
      await seedDatabase(getPrisma(), { demoUsers: true });
      security = await userByEmail("sofia@example.com");
      otherEngineer = await userByEmail("emma@example.com");
      const image = (name: string, status: string, amiId: string) =>
        createImageRow({
          name,
          status,
          amiId,
          teamSlug: "payments",
          creatorEmail: "eric@example.com",
        });
      corpusImageId = (await image("corpus-api", "AVAILABLE", CORPUS_AMI)).id;
      syntheticImageId = (await image("synth-api", "AVAILABLE", SYNTHETIC_AMI))
        .id;
      draftImageId = (await image("draft-api", "BUILDING", DRAFT_AMI)).id;
    });

    afterAll(async () => {
      await getPrisma().$disconnect();
      globalThis.__portalPrisma = undefined;
      db.stop();
    });

    test("C31: an earlier ACTIVE event, then CLOSED, is one updated row", async () => {
      const prisma = getPrisma();
      const closed = corpusJson<Envelope>("C31-inspector-ec2-dual-cvss");
      const active = {
        ...closed,
        id: `${closed.id}-active`,
        detail: {
          ...closed.detail,
          status: "ACTIVE",
          updatedAt: "Tue Mar 04 16:59:44.476 UTC 2025",
        },
      };

      expect((await post(JSON.stringify(active))).status).toBe(200);
      let image = await counts(corpusImageId);
      expect(image).toMatchObject({ medium: 1, fixable: 1, otherFindings: 0 });

      expect((await post(corpusText("C31-inspector-ec2-dual-cvss"))).status).toBe(
        200,
      );
      const rows = await prisma.finding.findMany({
        where: { imageId: corpusImageId },
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        status: "CLOSED",
        severity: "MEDIUM",
        inspectorScore: 4.8,
        scoreSource: "UBUNTU_CVE",
        scoreVector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:L",
        installedVersion: "2.4.0",
        fixedInVersion: "0:2.5.1-0ubuntu0.1",
        epss: 0.00041,
        exploitAvailable: false,
        vendorSeverity: "medium",
      });
      expect(rows[0].firstObservedAt?.toISOString()).toBe(
        "2025-03-04T16:59:44.356Z",
      );
      expect(rows[0].updatedAt?.toISOString()).toBe("2025-03-04T17:00:36.951Z");
      expect((rows[0].cvss as { baseScore: number }[]).map((c) => c.baseScore))
        .toEqual([4.8, 7.3]);
      image = await counts(corpusImageId);
      expect(image).toMatchObject({ medium: 0, fixable: 0 });

      // The older ACTIVE event replayed late under a new id changes nothing.
      await post(JSON.stringify({ ...active, id: `${closed.id}-late` }));
      expect(
        (await prisma.finding.findFirstOrThrow({ where: { imageId: corpusImageId } }))
          .status,
      ).toBe("CLOSED");
    });

    test("C32: network reachability counts apart from CVEs", async () => {
      expect(
        (await post(corpusText("C32-inspector-network-reachability"))).status,
      ).toBe(200);
      const row = await getPrisma().finding.findFirstOrThrow({
        where: { imageId: corpusImageId, type: "NETWORK_REACHABILITY" },
      });

      expect(row).toMatchObject({
        severity: "MEDIUM",
        status: "ACTIVE",
        inspectorScore: null,
        vulnerabilityId: "",
        fixAvailable: "NOT_APPLICABLE",
      });
      expect(
        (row.details as { steps: { componentType: string }[] }).steps.map(
          (s) => s.componentType.split("::")[2],
        ),
      ).toEqual([
        "InternetGateway",
        "NetworkAcl",
        "SecurityGroup",
        "NetworkInterface",
        "Instance",
      ]);
      expect(await counts(corpusImageId)).toMatchObject({
        medium: 0,
        critical: 0,
        high: 0,
        otherFindings: 1,
      });
    });

    test("C33: a container image finding is one resource finding", async () => {
      const prisma = getPrisma();
      const before = await prisma.finding.count();

      expect(
        (await post(corpusText("C33-inspector-ecr-no-score-partial-fix"))).status,
      ).toBe(200);
      const rows = await prisma.resourceFinding.findMany({
        where: { resourceType: "AWS_ECR_CONTAINER_IMAGE" },
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        severity: "MEDIUM",
        status: "ACTIVE",
        malformed: false,
        resourceId: expect.stringContaining("repository/example-app/sha256:1111"),
      });
      expect(
        (rows[0].raw as { packageVulnerabilityDetails: { cvss: [] } })
          .packageVulnerabilityDetails.cvss,
      ).toEqual([]);
      expect(await prisma.finding.count()).toBe(before);
    });

    test("C34: code and sparse findings, none attached to an image", async () => {
      const prisma = getPrisma();
      const before = await prisma.finding.count();
      const result = await sqlTransaction((sql) =>
        ingestFindings(sql, corpusJson<unknown[]>("C34-inspector-code-and-sparse")),
      );

      expect(result).toEqual({
        attached: 0,
        resource: 1,
        malformed: 1,
        imageIds: [],
        counts: new Map(),
        stored: new Map(),
      });
      const stored = await prisma.resourceFinding.findMany({
        where: {
          OR: [{ resourceType: "AWS_LAMBDA_FUNCTION" }, { malformed: true }],
        },
        orderBy: { severity: "asc" },
      });
      expect(stored.map((row) => [row.severity, row.status, row.malformed]))
        .toEqual([
          ["CRITICAL", "ACTIVE", false],
          ["UNKNOWN", "UNKNOWN", true],
        ]);
      expect(stored[1].problem).toMatch(/no findingArn/);
      expect(stored[1].title).toBe("");
      expect(await prisma.finding.count()).toBe(before);
    });

    test("C37: refused with line 10, kept raw; the next event applies", async () => {
      const prisma = getPrisma();
      const text = corpusText("C37-autoenable-smart-quotes");
      const before = await tables();

      const refused = await post(text);
      expect(refused.status).toBe(400);
      const body = await refused.json();
      expect(body).toMatchObject({ line: 10, column: 9 });
      expect(body.error).toMatch(/line 10, column 9/);
      expect(body.hint).toMatch(/typographic quotes/);
      const rejected = await prisma.rejectedEvent.findMany();
      expect(rejected).toHaveLength(1);
      expect(rejected[0].payload).toBe(text);
      expect(await tables()).toEqual(before);

      // Control case: the same event with ASCII quotes.
      const control = text.replace(/[“”]/g, '"');
      const applied = await post(control);
      expect(applied.status).toBe(200);
      expect(await applied.json()).toEqual({
        status: "applied",
        detail: "account alert",
      });
      expect((await post(control)).status).toBe(200);
      const alerts = await prisma.accountAlert.findMany();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        eventId: "00000000-0000-4000-8000-00000000c037",
        kind: "INSPECTOR_AUTO_ENABLE_FAILED",
        accountId: "111122223333",
        message: expect.stringContaining("maximum limit of 10,000"),
      });
    });

    describe("the per-image query and its export", () => {
      beforeAll(async () => {
        await sqlTransaction((sql) =>
          ingestFindings(
            sql,
            Array.from({ length: 37 }, (_, i) => syntheticFinding(i)),
          ),
        );
        await sqlTransaction((sql) =>
          ingestFindings(sql, [syntheticFinding(99, DRAFT_AMI)]),
        );
      });

      test("filters, search, sort and pages add up to the filtered set", async () => {
        const filters = parse("severity=HIGH,CRITICAL&sort=score&pageSize=25");
        const first = (await listImageFindings(security, syntheticImageId, filters))!;
        const second = (await listImageFindings(security, syntheticImageId, {
          ...filters,
          page: 2,
        }))!;
        const all = [...first.rows, ...second.rows];
        const expected = await getPrisma().finding.findMany({
          where: {
            imageId: syntheticImageId,
            status: "ACTIVE",
            type: "PACKAGE_VULNERABILITY",
            severity: { in: ["HIGH", "CRITICAL"] },
          },
        });

        expect(first.total).toBe(expected.length);
        expect(all.map((r) => r.id).sort()).toEqual(
          expected.map((r) => r.id).sort(),
        );
        const scores = all.map((r) => r.inspectorScore ?? -1);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        expect(all.at(-1)?.inspectorScore).toBeNull();
        expect(first.severityCounts.MEDIUM).toBeGreaterThan(0);
      });

      test("search by package in any position, case-insensitive", async () => {
        const page = (await listImageFindings(
          security,
          syntheticImageId,
          parse("q=SECOND-PKG-7&status=ALL"),
        ))!;

        expect(page.rows.map((r) => r.vulnerabilityId)).toEqual([
          "CVE-2098-0007",
        ]);
        expect(page.rows[0].packages.map((p) => p.name)).toEqual([
          "lib-7",
          "second-pkg-7",
        ]);
      });

      test("fix, exploit, EPSS and score filters", async () => {
        const page = (await listImageFindings(
          security,
          syntheticImageId,
          parse("fix=PARTIAL&exploit=yes&epss=10&score=5&pageSize=200"),
        ))!;

        expect(page.rows.length).toBeGreaterThan(0);
        for (const row of page.rows) {
          expect(row.fixAvailable).toBe("PARTIAL");
          expect(row.exploitAvailable).toBe(true);
          expect(row.epss).toBeGreaterThanOrEqual(0.1);
          expect(row.inspectorScore).toBeGreaterThanOrEqual(5);
        }
      });

      test("the export holds every filtered row in the table's order", async () => {
        const filters = parse("severity=HIGH,MEDIUM,LOW&sort=cve&dir=desc&pageSize=25");
        const pages = [];
        for (let page = 1; page <= 2; page += 1) {
          pages.push(
            ...(await listImageFindings(security, syntheticImageId, {
              ...filters,
              page,
            }))!.rows,
          );
        }
        const exported = (await exportImageFindings(
          security,
          syntheticImageId,
          filters,
        ))!;

        expect(exported.rows.length).toBeGreaterThan(25);
        expect(exported.rows.map((r) => r.id)).toEqual(pages.map((r) => r.id));
      });

      test("engineers of other teams see released images, not drafts", async () => {
        const filters = parse("status=ALL");

        expect(
          await listImageFindings(otherEngineer, draftImageId, filters),
        ).toBeNull();
        expect(
          await exportImageFindings(otherEngineer, draftImageId, filters),
        ).toBeNull();
        expect(
          (await listImageFindings(otherEngineer, syntheticImageId, filters))
            ?.total,
        ).toBe(37);
        expect(
          (await listImageFindings(security, draftImageId, filters))?.total,
        ).toBe(1);
      });

      test("the image page reads exactly what its parts read", async () => {
        await getPrisma().image.update({
          where: { id: corpusImageId },
          data: { findingsCollectedAt: new Date() },
        });
        for (const id of [corpusImageId, syntheticImageId, draftImageId]) {
          const filters = parse("q=example&sort=score");
          const page = (await getImagePage(security, id, filters))!;
          const image = await getImage(id, security);
          const collected = image!.findingsCollectedAt !== null;

          expect(page.image).toMatchObject(image!);
          expect(page.record).toMatchObject((await getLedgerRecord(id))!);
          expect(page.findings).toEqual(
            await listImageFindings(security, id, filters),
          );
          expect(page.network).toEqual(
            collected ? await listNetworkFindings(id) : [],
          );
          expect(page.reports).toEqual(await listImageReports(id));
        }
        const network = (await getImagePage(
          security,
          corpusImageId,
          parse(""),
        ))!.network;
        expect(network.map((row) => row.severity)).toEqual(["MEDIUM"]);
        expect(
          await getImagePage(otherEngineer, draftImageId, parse("")),
        ).toBeNull();
      });

      test("the CVE view lists only images the user may see", async () => {
        const forSecurity = (await getCveDetail(security, "CVE-2098-0099"))!;
        expect(forSecurity.images.map((i) => i.image.id)).toEqual([draftImageId]);
        expect(await getCveDetail(otherEngineer, "CVE-2098-0099")).toBeNull();

        const cve = (await getCveDetail(security, "CVE-2099-10031"))!;
        expect(cve.cvss.map((c) => [c.source, c.baseScore])).toEqual([
          ["UBUNTU_CVE", 4.8],
          ["NVD", 7.3],
        ]);
        expect(cve.packages).toEqual([
          {
            name: "examplepkg",
            installed: ["2.4.0"],
            fixed: ["0:2.5.1-0ubuntu0.1"],
            noFix: false,
          },
        ]);
      });
    });

    test("an event and the collection storing one finding at once", async () => {
      const prisma = getPrisma();
      const finding = syntheticFinding(700, CORPUS_AMI);

      // On PostgreSQL both inserts race; the later one keeps the row.
      await Promise.all(
        [0, 1].map(() =>
          sqlTransaction((sql) => ingestFindings(sql, [finding])),
        ),
      );
      expect(
        await prisma.finding.count({
          where: { imageId: corpusImageId, findingArn: finding.findingArn },
        }),
      ).toBe(1);
    });

    test("a writer holding an image lets an event for it wait, not deadlock", async () => {
      const prisma = getPrisma();
      const [first, second] = [701, 702].map((n) =>
        syntheticFinding(n, CORPUS_AMI),
      );
      let locked!: () => void;
      let release!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));

      // A collection that has written one finding and is about to write
      // the next, while an Inspector event brings that next one. Each
      // would hold what the other waits for unless both lock the image
      // row before writing any finding.
      const collection = sqlTransaction(async (sql) => {
        await ingestFindings(sql, [first]);
        locked();
        await gate;
        await ingestFindings(sql, [second]);
      });
      await holding;
      const event = sqlTransaction((sql) => ingestFindings(sql, [second]));
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();

      await expect(Promise.all([collection, event])).resolves.toBeDefined();
      expect(
        await prisma.finding.count({
          where: {
            imageId: corpusImageId,
            findingArn: { in: [first.findingArn, second.findingArn] },
          },
        }),
      ).toBe(2);
    });
  });
}

function post(body: string) {
  return POST(
    new Request("http://portal.test/api/events", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-portal-events-key": SECRET,
      },
      body,
    }),
  );
}

function parse(query: string): FindingsFilters {
  return parseFindingsFilters(new URLSearchParams(query));
}

async function counts(imageId: string) {
  return getPrisma().image.findUniqueOrThrow({
    where: { id: imageId },
    select: {
      critical: true,
      high: true,
      medium: true,
      low: true,
      fixable: true,
      otherFindings: true,
    },
  });
}

async function tables() {
  const prisma = getPrisma();

  return {
    events: await prisma.processedEvent.count(),
    findings: await prisma.finding.count(),
    resources: await prisma.resourceFinding.count(),
    alerts: await prisma.accountAlert.count(),
  };
}

const SEVERITY_CYCLE = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "HIGH"];
const FIX_CYCLE = ["YES", "PARTIAL", "NO"];

/** A varied ListFindings-shaped package finding on `amiId`. */
function syntheticFinding(i: number, amiId = SYNTHETIC_AMI) {
  const id = `CVE-2098-${String(i).padStart(4, "0")}`;

  return {
    findingArn: `arn:aws:inspector2:us-east-1:111122223333:finding/synth-${amiId}-${i}`,
    type: "PACKAGE_VULNERABILITY",
    title: `${id} - lib-${i}`,
    severity: SEVERITY_CYCLE[i % SEVERITY_CYCLE.length],
    status: i === 36 ? "CLOSED" : "ACTIVE",
    inspectorScore: i % 6 === 0 ? undefined : (i * 7) % 100 / 10,
    epss: { score: (i % 10) / 20 },
    exploitAvailable: i % 4 === 0 ? "YES" : "NO",
    fixAvailable: FIX_CYCLE[i % 3],
    firstObservedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    packageVulnerabilityDetails: {
      vulnerabilityId: id,
      cvss: [],
      vulnerablePackages: [
        { name: `lib-${i}`, version: "1.0.0", fixedInVersion: "1.0.1" },
        ...(i % 7 === 0
          ? [{ name: `second-pkg-${i}`, version: "2.0", fixedInVersion: "NotAvailable" }]
          : []),
      ],
    },
    resources: [
      {
        type: "AWS_EC2_INSTANCE",
        id: "i-0synthetic",
        details: { awsEc2Instance: { imageId: amiId } },
      },
    ],
  };
}
