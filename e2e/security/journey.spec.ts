import fs from "node:fs";

import { expect, test, type Page } from "@playwright/test";

import { SEVERITIES } from "../../lib/findings/map-finding";
import { linuxDocument, setDocument } from "../components/support";
import { signInAs } from "../pipelines/helpers";
import { composeAndBuild, screenshot } from "../support/builds";
import { parseCsv } from "../support/csv";
import { query } from "../support/db";
import { insertImage, lineOf } from "../support/image-rows";
import { filterLedger, walkLedger } from "../support/ledger";

// The "done when": security staff filter the ledger, open an
// image, diff it against the previous version and download CSVs that
// hold exactly what the pages show; engineers see other teams' releases
// with their findings, never their drafts.

test.describe.configure({ timeout: 300_000 });

const ACTIVE_CVE = `status = 'ACTIVE' AND type = 'PACKAGE_VULNERABILITY'`;
const CHART_LABELS = ["Critical", "High", "Medium", "Low", "Info", "Untriaged"];
// The findings table's default order (severity, score, CVE, id).
const FINDINGS_ORDER = `CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH'
  THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 WHEN 'INFORMATIONAL' THEN 4
  WHEN 'UNTRIAGED' THEN 5 ELSE 6 END, "inspectorScore" DESC NULLS LAST,
  "vulnerabilityId", id`;

interface ShownFinding {
  cve: string;
  packages: string;
  severity: string;
  score: string;
}

interface ShownDiffRow {
  group: string;
  cve: string;
  pkg: string;
  score: string;
  older: string;
  newer: string;
}

test("security staff filter, open, diff and export; engineers see releases only", async ({
  page,
}) => {
  const stamp = Date.now();
  const payLine = `e2e-journey-pay-${stamp}`;
  const etlLine = `e2e-journey-etl-${stamp}`;
  const draftName = `e2e-journey-draft-${stamp}`;
  const ids = { older: "", newer: "", etl: "", etlFailed: "" };
  let newerFindings: ShownFinding[] = [];

  const builds = "Eric builds two versions of a line; Emma one image and a " +
    "failed build";
  await test.step(builds, async () => {
    await signInAs(page, "Eric Engineer");
    ids.older = await composeAndBuild(page, payLine, "1.0.0", async () => {
      await page.getByRole("button", { name: "Add nginx-web-server" }).click();
      await page
        .getByTestId("recipe-item-nginx-web-server")
        .getByLabel(/ServerName/)
        .fill("journey.example.com");
    });
    ids.newer = await composeAndBuild(page, payLine, "1.1.0", async () => {
      await page.getByRole("button", { name: "Add update-os-linux" }).click();
      await page.getByRole("button", { name: "Add nodejs-runtime" }).click();
    });

    await signInAs(page, "Emma Engineer");
    ids.etl = await composeAndBuild(page, etlLine, "1.0.0");
    // The emulator fails only a component step that is `exit 1`, which
    // needs a reviewed component; the failed build is a row, as in the
    // ledger spec.
    ids.etlFailed = await insertImage(await lineOf(ids.etl), {
      build: 2,
      status: "FAILED",
      createdAt: new Date(),
      critical: 0,
      high: 0,
      awsState: null,
    });

    const rows = await query<{ id: string; team: string; status: string }>(
      `SELECT i.id, t.slug AS team, i.status FROM "Image" i
       JOIN "Team" t ON t.id = i."teamId" WHERE i.id = ANY($1)`,
      [Object.values(ids)],
    );
    expect(
      Object.fromEntries(rows.map((r) => [r.id, `${r.team} ${r.status}`])),
    ).toEqual({
      [ids.older]: "payments AVAILABLE",
      [ids.newer]: "payments AVAILABLE",
      [ids.etl]: "analytics AVAILABLE",
      [ids.etlFailed]: "analytics FAILED",
    });
  });

  await test.step("Sofia filters and sorts the ledger through the filter bar", async () => {
    await signInAs(page, "Sofia Security");
    await filterLedger(page, { team: "payments", severe: true });

    const table = page.getByTestId("ledger-table");
    await table.getByRole("link", { name: /^High/ }).click();
    await expect(page).toHaveURL(/sort=high/);
    await expect(
      table.getByRole("columnheader", { name: /^High/ }),
    ).toHaveAttribute("aria-sort", "descending");

    const expected = await query<{ id: string; high: number }>(
      `SELECT i.id, i.high FROM "Image" i JOIN "Team" t ON t.id = i."teamId"
       WHERE t.slug = 'payments' AND (i.critical > 0 OR i.high > 0)
       ORDER BY i.high DESC, i.critical DESC, i."createdAt" DESC, i.id DESC`,
    );
    expect(expected.map((row) => row.id)).toContain(ids.newer);
    const shown = await walkLedger(page);
    expect(shown.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(shown.map((row) => row.high)).toEqual(
      expected.map((row) => row.high),
    );
    await screenshot(page, "journey-ledger");
  });

  const newer = "the newer image: severity counts and first page match " +
    "the database";
  await test.step(newer, async () => {
    const table = page.getByTestId("ledger-table");
    const row = table.locator(`tr[data-image-id="${ids.newer}"]`);
    // walkLedger ended on the last page; go back to the row's page.
    while ((await row.count()) === 0) {
      const range = await page.getByTestId("ledger-range").textContent();
      await page.getByRole("link", { name: "← Previous" }).click();
      await expect(page.getByTestId("ledger-range")).not.toHaveText(range!);
    }
    await row.getByRole("link", { name: payLine }).click();
    await expect(page).toHaveURL(new RegExp(`/images/${ids.newer}$`));

    const counts = await severityCounts(ids.newer);
    const [stored] = await query<Record<string, number>>(
      `SELECT critical, high, medium, low, informational, untriaged
       FROM "Image" WHERE id = $1`,
      [ids.newer],
    );
    expect(SEVERITIES.map((s) => stored[s.toLowerCase()])).toEqual(
      SEVERITIES.map((s) => counts[s]),
    );
    await expect(page.getByTestId("severity-chart")).toHaveAttribute(
      "aria-label",
      "Findings by severity: " +
        CHART_LABELS.map(
          (label, i) => `${label} ${counts[SEVERITIES[i]]}`,
        ).join(", "),
    );
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const firstPage = await query<{ cve: string; severity: string }>(
      `SELECT "vulnerabilityId" AS cve, severity FROM "Finding"
       WHERE "imageId" = $1 AND ${ACTIVE_CVE}
       ORDER BY ${FINDINGS_ORDER} LIMIT 50`,
      [ids.newer],
    );
    await expect(page.getByTestId("findings-total")).toHaveText(
      `1–${firstPage.length} of ${total} findings`,
    );
    newerFindings = await shownFindings(page);
    expect(newerFindings.map((f) => `${f.cve} ${f.severity}`)).toEqual(
      firstPage.map((f) => `${f.cve} ${f.severity}`),
    );
    await screenshot(page, "journey-image");
  });

  const diffRows: ShownDiffRow[] = [];

  await test.step("compare with the previous version: counts and rows match SQL", async () => {
    await page.getByRole("link", { name: "Compare versions" }).click();
    await expect(page).toHaveURL(new RegExp(`/images/${ids.newer}/diff`));
    await expect(
      page.getByRole("heading", { name: "Version diff" }),
    ).toBeVisible();

    // Independent of the portal: keys of both images' active CVEs.
    const keyed = await query<{ key: string; side: string }>(
      `SELECT DISTINCT "vulnerabilityId" || ' ' || coalesce("packageName", '—')
         AS key, CASE "imageId" WHEN $1 THEN 'older' ELSE 'newer' END AS side
       FROM "Finding" WHERE "imageId" IN ($1, $2) AND ${ACTIVE_CVE}`,
      [ids.older, ids.newer],
    );
    const older = new Set(
      keyed.filter((k) => k.side === "older").map((k) => k.key),
    );
    const newer = new Set(
      keyed.filter((k) => k.side === "newer").map((k) => k.key),
    );
    const expected: Record<string, string[]> = {
      new: [...newer].filter((key) => !older.has(key)),
      fixed: [...older].filter((key) => !newer.has(key)),
      carried: [...newer].filter((key) => older.has(key)),
    };
    for (const [group, keys] of Object.entries(expected)) {
      expect(keys.length, `${group} CVEs in this journey`).toBeGreaterThan(0);
      await expect(page.getByTestId(`count-${group}`)).toContainText(
        String(keys.length),
      );
      const rows = await shownDiff(page, group);
      expect(rows.map((r) => `${r.cve} ${r.pkg}`).sort()).toEqual(
        [...keys].sort(),
      );
      diffRows.push(...rows);
    }

    await screenshot(page, "journey-diff");

    // Each side of the diff reads like that image's findings table.
    const diffUrl = page.url();
    await page.goto(`/images/${ids.older}?pageSize=200`);
    const olderFindings = await shownFindings(page);
    expectSameVersions(diffRows, "older", olderFindings);
    expectSameVersions(diffRows, "newer", newerFindings);
    await page.goto(diffUrl);
  });

  await test.step("the diff CSV equals the diff page", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const [header, ...rows] = parseCsv(
      fs.readFileSync(await (await download).path(), "utf8"),
    );

    expect(header).toEqual([
      "Group",
      "CVE",
      "Package",
      "Severity",
      "Score",
      "Older installed",
      "Older fixed in",
      "Newer installed",
      "Newer fixed in",
    ]);
    expect(
      rows.map((cells) => ({
        group: cells[0],
        cve: cells[1],
        pkg: cells[2] || "—",
        score: cells[4] === "" ? "—" : Number(cells[4]).toFixed(1),
        older: sideText(cells[5], cells[6]),
        newer: sideText(cells[7], cells[8]),
      })),
    ).toEqual(diffRows);
  });

  await test.step("the findings CSV with a filter holds exactly the page's rows", async () => {
    await page.goto(`/images/${ids.newer}`);
    const counts = await severityCounts(ids.newer);
    // The most frequent severity, as a filter of the table.
    const severity = SEVERITIES.filter((s) => counts[s] > 0).sort(
      (a, b) => counts[b] - counts[a],
    )[0];
    const filters = page.getByRole("form", { name: "Filter findings" });
    await filters.getByLabel(severity.toLowerCase(), { exact: true }).check();
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`severity=${severity}`));
    await page
      .getByTestId("findings-table")
      .getByRole("link", { name: /^Package/ })
      .click();
    await expect(page).toHaveURL(/sort=package/);
    await expect(page.getByTestId("findings-total")).toContainText(
      `of ${counts[severity]} findings`,
    );

    const shown: ShownFinding[] = [];
    for (;;) {
      shown.push(...(await shownFindings(page)));
      const next = page
        .getByRole("navigation", { name: "Findings pages" })
        .first()
        .getByRole("link", { name: "Next →" });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page).toHaveURL(/page=\d+/);
    }
    expect(shown).toHaveLength(counts[severity]);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const [header, ...rows] = parseCsv(
      fs.readFileSync(await (await download).path(), "utf8"),
    );
    const column = (name: string) => header.indexOf(name);

    expect(header.slice(0, 7)).toEqual([
      "cve",
      "title",
      "type",
      "severity",
      "status",
      "packages",
      "score",
    ]);
    expect(
      rows.map((cells) => ({
        cve: cells[column("cve")] || "—",
        packages: cells[column("packages")],
        severity: cells[column("severity")],
        score:
          cells[column("score")] === ""
            ? "—"
            : Number(cells[column("score")]).toFixed(1),
      })),
    ).toEqual(shown);
    expect(new Set(rows.map((cells) => cells[column("status")]))).toEqual(
      new Set(["ACTIVE"]),
    );
  });

  await test.step("Emma saves a component draft", async () => {
    await signInAs(page, "Emma Engineer");
    await page.goto("/components/new");
    await page.getByLabel("Component name").fill(draftName);
    await page
      .getByLabel("Description", { exact: true })
      .fill("Analytics tools, not yet submitted");
    await page.getByLabel("Amazon Linux", { exact: true }).check();
    await page.getByLabel("Change description").fill("First draft");
    await setDocument(page, linuxDocument("Install-etl-tools"));
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(new RegExp(`/components/${draftName}\\?v=`));

    const [draft] = await query<{
      status: string;
      author: string;
      team: string;
    }>(
      `SELECT v.status, u.email AS author, t.slug AS team
       FROM "ComponentVersion" v JOIN "Component" c ON c.id = v."componentId"
       JOIN "User" u ON u.id = v."createdById"
       JOIN "Team" t ON t.id = c."ownerTeamId" WHERE c.name = $1`,
      [draftName],
    );
    expect(draft).toEqual({
      status: "draft",
      author: "emma@example.com",
      team: "analytics",
    });
  });

  await test.step("Eric sees Emma's release and its findings, not her drafts", async () => {
    await signInAs(page, "Eric Engineer");
    await filterLedger(page, { team: "analytics" });
    const visible = await query<{ id: string }>(
      `SELECT i.id FROM "Image" i JOIN "Team" t ON t.id = i."teamId"
       WHERE t.slug = 'analytics' AND i.status = 'AVAILABLE'
       ORDER BY i."createdAt" DESC, i.id DESC`,
    );
    const shown = (await walkLedger(page)).map((row) => row.id);
    expect(shown).toEqual(visible.map((row) => row.id));
    expect(shown).toContain(ids.etl);
    expect(shown).not.toContain(ids.etlFailed);

    await page.goto(`/images/${ids.etl}`);
    const [firstCve] = await query<{ cve: string }>(
      `SELECT "vulnerabilityId" AS cve FROM "Finding"
       WHERE "imageId" = $1 AND ${ACTIVE_CVE} ORDER BY ${FINDINGS_ORDER}
       LIMIT 1`,
      [ids.etl],
    );
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Finding"
       WHERE "imageId" = $1 AND ${ACTIVE_CVE}`,
      [ids.etl],
    );
    await expect(page.getByTestId("findings-total")).toContainText(
      `of ${n} findings`,
    );
    await page
      .getByTestId("findings-table")
      .getByRole("link", { name: firstCve.cve })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/cves/${firstCve.cve}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      firstCve.cve,
    );
    await expect(
      page.getByTestId("cve-images").locator(`a[href="/images/${ids.etl}"]`),
    ).toBeVisible();
    const [{ seen }] = await query<{ seen: number }>(
      `SELECT count(*)::int AS seen FROM "Finding" f
       JOIN "Image" i ON i.id = f."imageId" JOIN "Team" t ON t.id = i."teamId"
       WHERE f."vulnerabilityId" = $1
         AND (t.slug = 'payments' OR i.status = 'AVAILABLE')`,
      [firstCve.cve],
    );
    await expect(page.getByText(/on images you can see/)).toHaveText(
      `${seen} finding${seen === 1 ? "" : "s"} on images you can see, ` +
        "newest image first",
    );
    await screenshot(page, "journey-cve");

    for (const path of [
      `/images/${ids.etlFailed}`,
      `/images/${ids.etlFailed}/diff`,
      `/components/${draftName}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    const exported = await page.request.get(
      `/api/exports/images/${ids.etlFailed}/findings?format=csv`,
    );
    expect(exported.status()).toBe(404);

    await page.goto(`/components?q=${draftName}`);
    await expect(page.getByText(draftName)).toHaveCount(0);
    await expect(
      page.getByText("No component matches these filters."),
    ).toBeVisible();
  });

  // Reading changed nothing: the draft and the failed build are as made.
  const [failed] = await query<{ status: string; awsCheckedAt: Date | null }>(
    `SELECT status, "awsCheckedAt" FROM "Image" WHERE id = $1`,
    [ids.etlFailed],
  );
  expect(failed).toEqual({ status: "FAILED", awsCheckedAt: null });
  const [draft] = await query<{ status: string; versions: number }>(
    `SELECT min(v.status) AS status, count(*)::int AS versions
     FROM "ComponentVersion" v JOIN "Component" c ON c.id = v."componentId"
     WHERE c.name = $1`,
    [draftName],
  );
  expect(draft).toEqual({ status: "draft", versions: 1 });
});

/** ACTIVE package CVEs of an image per severity, from the Finding rows. */
async function severityCounts(imageId: string) {
  const rows = await query<{ severity: string; n: number }>(
    `SELECT severity, count(*)::int AS n FROM "Finding"
     WHERE "imageId" = $1 AND ${ACTIVE_CVE} GROUP BY severity`,
    [imageId],
  );
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const row of rows) counts[row.severity] = row.n;

  return counts as Record<(typeof SEVERITIES)[number], number>;
}

/** The findings table's rows as the CSV writes them. */
async function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page
    .getByTestId("findings-table")
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.children].map((td) => td as HTMLElement);
        const packages = [...cells[1].querySelectorAll("li")]
          .map((li) => (li.textContent ?? "").replace(/\s+/g, " ").trim())
          .map((text) => text.replace(" → ", " -> "))
          .join("; ");

        return {
          cve: cells[0].querySelector("a")?.textContent?.trim() ?? "—",
          packages,
          severity: cells[2].textContent?.trim() ?? "",
          score: /\d+\.\d/.exec(cells[3].textContent ?? "")?.[0] ?? "—",
        };
      }),
    );
}

/** One group's rows of the diff page. */
async function shownDiff(page: Page, group: string): Promise<ShownDiffRow[]> {
  return page
    .getByTestId(`diff-${group}`)
    .locator("tbody tr")
    .evaluateAll(
      (trs, name) =>
        trs.map((tr) => {
          const text = (i: number) =>
            ((tr.children[i] as HTMLElement | undefined)?.innerText ?? "")
              .replace(/\s+/g, " ")
              .trim();

          return {
            group: name,
            cve: text(0),
            pkg: text(1),
            score: text(3),
            older: text(4),
            newer: text(5),
          };
        }),
      group,
    );
}

/**
 * A diff row's side (installed, "fixed in …") is what the findings table
 * of that image shows for the same CVE and package.
 */
function expectSameVersions(
  rows: ShownDiffRow[],
  side: "older" | "newer",
  findings: ShownFinding[],
) {
  const present = rows.filter((row) => row[side] !== "not present");
  expect(present.length).toBeGreaterThan(0);
  for (const row of present) {
    const [, installed, fixed] = /^(\S+)(?: fixed in (\S+))?$/.exec(row[side])!;
    const shown = findings
      .filter((finding) => finding.cve === row.cve)
      .flatMap((finding) => finding.packages.split("; "));
    expect(shown, `${row.cve} ${row.pkg} (${side})`).toContain(
      `${row.pkg} ${installed} -> ${fixed ?? "no fix yet"}`,
    );
  }
}

/** How the diff page writes one side: installed, then "fixed in …". */
function sideText(installed: string, fixed: string): string {
  if (!installed && !fixed) return "not present";

  return [installed || "—", fixed && `fixed in ${fixed}`]
    .filter(Boolean)
    .join(" ");
}
