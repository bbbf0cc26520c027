import fs from "node:fs";

import { expect, test, type Page } from "@playwright/test";

import { buildRecipe, signInAs } from "../pipelines/helpers";
import { query } from "../support/db";

interface DbFinding {
  vulnerabilityId: string;
  severity: string;
  packageName: string | null;
  inspectorScore: number | null;
}

/** The CVE ids of the table, top to bottom. */
async function shownCves(page: Page): Promise<string[]> {
  return page
    .getByTestId("findings-table")
    .locator("tbody tr td:first-child a")
    .allTextContents();
}

test("security staff filter, sort and search an image's findings, open a CVE and export what they see", async ({
  page,
}) => {
  const recipe = `e2e-findings-${Date.now()}`;
  let imageUrl = "";
  let imageId = "";
  let findings: DbFinding[] = [];

  await test.step("an engineer builds an image; Inspector scans it", async () => {
    await buildRecipe(page, recipe);
    imageUrl = new URL(page.url()).pathname;
    imageId = imageUrl.split("/").pop()!;
    await expect(page.getByTestId("image-status")).toContainText("AVAILABLE", {
      timeout: 90_000,
    });
    await expect(page.getByTestId("findings-table")).toBeVisible({
      timeout: 60_000,
    });
    findings = await query<DbFinding>(
      `SELECT "vulnerabilityId", severity, "packageName", "inspectorScore"
       FROM "Finding" WHERE "imageId" = $1 AND status = 'ACTIVE'
       AND type = 'PACKAGE_VULNERABILITY'`,
      [imageId],
    );
    expect(findings.length).toBeGreaterThan(0);
  });

  await test.step("security staff see every active CVE of the image", async () => {
    await signInAs(page, "Sofia Security");
    await page.goto(imageUrl);
    await expect(page.getByTestId("findings-total")).toContainText(
      `of ${findings.length} findings`,
    );
    await expect(page.getByTestId("severity-chart")).toBeVisible();
  });

  const bySeverity = new Map<string, number>();
  for (const f of findings) {
    bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  }
  const [severity, severityCount] = [...bySeverity].sort(
    (a, b) => b[1] - a[1],
  )[0];

  await test.step("filter by severity: the table holds exactly those rows", async () => {
    await page
      .getByRole("form", { name: "Filter findings" })
      .getByLabel(severity.toLowerCase(), { exact: true })
      .check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`severity=${severity}`));
    await expect(page.getByTestId("findings-total")).toContainText(
      `of ${severityCount} findings`,
    );
    const expected = findings
      .filter((f) => f.severity === severity)
      .map((f) => f.vulnerabilityId);
    const shown = await shownCves(page);
    if (expected.length <= 50) {
      expect([...shown].sort()).toEqual([...expected].sort());
    } else {
      expect(shown).toHaveLength(50);
    }
  });

  await test.step("sort by score, highest first", async () => {
    await page
      .getByTestId("findings-table")
      .getByRole("link", { name: /^Score/ })
      .click();
    await expect(page).toHaveURL(/sort=score/);
    const top = Math.max(
      ...findings
        .filter((f) => f.severity === severity)
        .map((f) => f.inspectorScore ?? -1),
    );
    const firstScore = page
      .getByTestId("findings-table")
      .locator("tbody tr")
      .first()
      .locator("td")
      .nth(3);
    await expect(firstScore).toContainText(top < 0 ? "—" : top.toFixed(1));
  });

  await test.step("download the CSV: it is what the page shows", async () => {
    const shown = await shownCves(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = fs.readFileSync(await (await download).path(), "utf8");
    const lines = file.split("\r\n").filter(Boolean);

    expect(lines[0]).toMatch(/^cve,title,type,severity,/);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(
      severityCount <= 50 ? shown : expect.arrayContaining(shown),
    );
    expect(lines).toHaveLength(severityCount + 1);
  });

  const searched = findings.find((f) => f.packageName)!;

  await test.step("search by package name, case-insensitive", async () => {
    await page.goto(imageUrl);
    await page.getByRole("searchbox").fill(searched.packageName!.toUpperCase());
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/q=/);
    const expected = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "Finding" WHERE "imageId" = $1
       AND status = 'ACTIVE' AND type = 'PACKAGE_VULNERABILITY'
       AND ("vulnerabilityId" ILIKE $2 OR EXISTS (
         SELECT 1 FROM jsonb_array_elements(packages) p
         WHERE p->>'name' ILIKE $2))`,
      [imageId, `%${searched.packageName}%`],
    );
    await expect(page.getByTestId("findings-total")).toContainText(
      `of ${expected[0].n} findings`,
    );
    await expect(page.getByTestId("findings-table")).toContainText(
      searched.packageName!,
    );
  });

  await test.step("open a CVE: scores, packages and this image", async () => {
    await page
      .getByRole("link", { name: searched.vulnerabilityId })
      .first()
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/cves/${searched.vulnerabilityId}$`),
    );
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      searched.vulnerabilityId,
    );
    await expect(page.getByTestId("cve-packages")).toContainText(
      searched.packageName!,
    );
    const imageRow = page
      .getByTestId("cve-images")
      .locator("tr", { has: page.locator(`a[href="${imageUrl}"]`) });
    await expect(imageRow.first()).toBeVisible();
    // Each row names its package, so one image's findings tell apart.
    await expect(
      imageRow.getByTestId("cve-image-package").first(),
    ).toContainText(searched.packageName!);
  });
});
