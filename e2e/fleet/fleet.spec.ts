import fs from "node:fs";

import { expect, test } from "@playwright/test";

import { signInAs } from "../pipelines/helpers";
import { composeAndBuild, screenshot } from "../support/builds";
import { query } from "../support/db";

// Two versions of one line: 1.0.0 with nginx, 1.1.0 with an OS update and
// Node.js instead, so the emulator's advisories give new, fixed and
// carried CVEs. Security staff then read the fleet and the diff.

test.describe.configure({ timeout: 240_000 });

const ACTIVE = `f.status = 'ACTIVE' AND f.type = 'PACKAGE_VULNERABILITY'`;
const LATEST = `SELECT DISTINCT ON (i."recipeId") i.*
  FROM "Image" i
  WHERE i.status = 'AVAILABLE' AND i."findingsCollectedAt" IS NOT NULL
  ORDER BY i."recipeId", i."createdAt" DESC, i.id DESC`;

test("security staff read the fleet and diff two versions of a line", async ({
  page,
}) => {
  const line = `e2e-fleet-${Date.now()}`;
  let older = "";
  let newer = "";

  await test.step("an engineer builds two versions of one line", async () => {
    await signInAs(page, "Eric Engineer");
    older = await composeAndBuild(page, line, "1.0.0", async () => {
      await page.getByRole("button", { name: "Add nginx-web-server" }).click();
      await page
        .getByTestId("recipe-item-nginx-web-server")
        .getByLabel(/ServerName/)
        .fill("fleet.example.com");
    });
    newer = await composeAndBuild(page, line, "1.1.0", async () => {
      await page.getByRole("button", { name: "Add update-os-linux" }).click();
      await page.getByRole("button", { name: "Add nodejs-runtime" }).click();
    });
  });

  await test.step("the fleet dashboard matches the database", async () => {
    await signInAs(page, "Sofia Security");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Security" })
      .click();
    await expect(page).toHaveURL(/\/security$/);
    const [totals] = await query<Record<string, number>>(
      `SELECT count(*)::int AS lines, sum(critical)::int AS critical,
         sum(high)::int AS high, sum(medium)::int AS medium,
         sum(low)::int AS low FROM (${LATEST}) l`,
    );
    for (const key of ["critical", "high", "medium", "low"]) {
      await expect(page.getByTestId(`stat-${key}`)).toContainText(
        totals[key].toLocaleString("en-GB"),
      );
    }
    const lines = totals.lines === 1 ? "1 line." : `${totals.lines} lines.`;
    await expect(page.getByText(lines)).toBeVisible();
    await expect(page.getByTestId("severity-chart").locator("svg").first())
      .toBeVisible();
    await expect(page.getByTestId("trend-chart").locator("svg").first())
      .toBeVisible();

    const worst = page.getByTestId("worst-images");
    await expect(worst.getByRole("link", { name: line })).toHaveAttribute(
      "href",
      `/images/${newer}`,
    );

    const topCves = await query<{ cve: string; images: number }>(
      `SELECT f."vulnerabilityId" AS cve,
         count(DISTINCT f."imageId")::int AS images
       FROM (${LATEST}) l JOIN "Finding" f ON f."imageId" = l.id
       WHERE ${ACTIVE} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15`,
    );
    const rows = page.getByTestId("top-cves").locator("tbody tr");
    await expect(rows).toHaveCount(topCves.length);
    const shownImages = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.children[1]?.textContent?.trim())),
    );
    expect(shownImages).toEqual(topCves.map((c) => c.images));
    const exported = await (
      await page.request.get("/api/exports/fleet/cves?format=json")
    ).json();
    const shownCves = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector("a")?.textContent?.trim()),
    );
    expect(exported.map((row: { cve: string }) => row.cve)).toEqual(shownCves);

    await page.getByLabel("Days").fill("0");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/days=0/);
    const [overdue] = await query<{ images: number }>(
      `SELECT count(DISTINCT l.id)::int AS images
       FROM (${LATEST}) l JOIN "Finding" f ON f."imageId" = l.id
       WHERE ${ACTIVE} AND f.severity IN ('CRITICAL', 'HIGH')
         AND f."fixAvailable" IN ('YES', 'PARTIAL')`,
    );
    expect(overdue.images).toBeGreaterThan(0);
    await expect(page.getByTestId("overdue-fixes").locator("tbody tr"))
      .toHaveCount(overdue.images);
    const csv = await (
      await page.request.get("/api/exports/fleet/overdue?days=0&format=csv")
    ).text();
    expect(csv.trim().split("\r\n")).toHaveLength(overdue.images + 1);
    await screenshot(page, "security");
  });

  const groups: Record<string, string[]> = {};

  await test.step("the diff against the previous version matches the database", async () => {
    await page.goto(`/images/${newer}`);
    await page.getByRole("link", { name: "Compare versions" }).click();
    await expect(page).toHaveURL(new RegExp(`/images/${newer}/diff$`));

    const keys = async (imageId: string) =>
      new Set(
        (
          await query<{ key: string }>(
            `SELECT DISTINCT f."vulnerabilityId" || ' ' || coalesce(f."packageName", '')
               AS key FROM "Finding" f WHERE f."imageId" = $1 AND ${ACTIVE}`,
            [imageId],
          )
        ).map((row) => row.key),
      );
    const before = await keys(older);
    const after = await keys(newer);
    const expected = {
      new: [...after].filter((key) => !before.has(key)),
      fixed: [...before].filter((key) => !after.has(key)),
      carried: [...after].filter((key) => before.has(key)),
    };
    expect(expected.new.length).toBeGreaterThan(0);
    expect(expected.fixed.length).toBeGreaterThan(0);
    expect(expected.carried.length).toBeGreaterThan(0);

    for (const [group, list] of Object.entries(expected)) {
      await expect(page.getByTestId(`count-${group}`)).toContainText(
        String(list.length),
      );
      const shown = await page
        .getByTestId(`diff-${group}`)
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map(
            (tr) =>
              `${tr.children[0]?.textContent?.trim()} ${tr.children[1]?.textContent?.trim()}`,
          ),
        );
      expect([...shown].sort()).toEqual([...list].sort());
      groups[group] = shown;
    }
    const changes = page.getByTestId("component-changes");
    await expect(changes.getByRole("listitem").filter({ hasText: "nginx-web-server" }))
      .toContainText("Removed");
    await expect(changes.getByRole("listitem").filter({ hasText: "nodejs-runtime" }))
      .toContainText("Added");
    await screenshot(page, "diff");
  });

  await test.step("the CSV holds exactly what the page shows", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file, "utf8").trim().split("\r\n");

    expect(lines[0]).toBe(
      "Group,CVE,Package,Severity,Score,Older installed,Older fixed in," +
        "Newer installed,Newer fixed in",
    );
    const fromCsv = lines.slice(1).map((row) => row.split(","));
    for (const [group, shown] of Object.entries(groups)) {
      expect(
        fromCsv.filter((cells) => cells[0] === group).map((c) => `${c[1]} ${c[2]}`),
      ).toEqual(shown);
    }
    expect(fromCsv).toHaveLength(
      groups.new.length + groups.fixed.length + groups.carried.length,
    );
  });
});
