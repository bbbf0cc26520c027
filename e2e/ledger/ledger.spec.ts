import { expect, test } from "@playwright/test";

import { query } from "../support/db";
import { filterLedger } from "../support/ledger";
import { signInAs } from "../support/ui";
import { createLedgerFixture, type LedgerFixture } from "./fixtures";

let fixture: LedgerFixture;

test.beforeAll(async () => {
  fixture = await createLedgerFixture();
});

async function paymentsSevereCount(): Promise<number> {
  const [row] = await query<{ count: string }>(
    `SELECT count(*) FROM "Image" i JOIN "Team" t ON t.id = i."teamId"
     WHERE t.slug = 'payments' AND (i.critical > 0 OR i.high > 0)`,
  );

  return Number(row.count);
}

test("security filters, sorts and pages the ledger, then opens an image", async ({
  page,
}) => {
  await signInAs(page, "Sofia Security");
  const table = page.getByTestId("ledger-table");
  const range = page.getByTestId("ledger-range");
  let total = 0;

  await test.step("filter by team and critical or high", async () => {
    await filterLedger(page, { team: "payments", severe: true });
    total = await paymentsSevereCount();
    expect(total).toBeGreaterThanOrEqual(27);
    await expect(range).toHaveText(`1–25 of ${total}`);
    await expect(table.locator("tbody tr")).toHaveCount(25);
    for (const team of await table.locator("tbody tr td:nth-child(4)").allTextContents()) {
      expect(team).toBe("Payments");
    }
  });

  await test.step("sort by critical, largest first", async () => {
    await table.getByRole("link", { name: /^Critical/ }).click();
    await expect(page).toHaveURL(/sort=critical/);
    await expect(
      table.getByRole("columnheader", { name: /^Critical/ }),
    ).toHaveAttribute("aria-sort", "descending");
    await expect(table.locator("tbody tr").first()).toHaveAttribute(
      "data-image-id",
      fixture.topImage,
    );
    await expect(table.locator("tbody tr").first()).toContainText("Deleted in AWS");
  });

  await test.step("the next page holds the rest", async () => {
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/sort=critical/);
    await expect(range).toHaveText(`26–${Math.min(total, 50)} of ${total}`);
    await expect(table.locator("tbody tr")).toHaveCount(Math.min(total - 25, 25));
    await expect(table.locator(`tr[data-image-id="${fixture.topImage}"]`)).toHaveCount(0);
    await page.getByRole("link", { name: "← Previous" }).click();
    await expect(range).toHaveText(`1–25 of ${total}`);
  });

  await test.step("the image page shows the ledger facts", async () => {
    await table
      .locator(`tr[data-image-id="${fixture.topImage}"]`)
      .getByRole("link", { name: `ledger-pay-${fixture.suffix}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/images/${fixture.topImage}$`));
    await expect(page.getByTestId("aws-state-notice")).toContainText(
      /Deleted in AWS on .*; the portal keeps this record/,
    );
    const facts = page.getByTestId("ledger-facts");
    await expect(facts).toContainText("Amazon Linux 2023");
    await expect(facts).toContainText("Eric Engineer");
    await expect(facts).toContainText("None (one-off build)");
    const snapshot = page.getByTestId("recipe-snapshot");
    await expect(snapshot).toContainText(`ledger-tool-${fixture.suffix}`);
    await expect(snapshot).toContainText("Mode=strict");
    await expect(snapshot.getByTestId("approval")).toHaveText(
      "Approved by Rachel Reviewer on 2 Nov 2026 · published 2 Nov 2026",
    );
    const amis = page.getByTestId("ami-table");
    await expect(amis).toContainText("ami-0e2e1edge000000a1");
    await expect(amis).toContainText("444455556666");
    await expect(page.getByTestId("status-history")).toContainText("AVAILABLE");
  });

  await test.step("the line timeline lists every build", async () => {
    await page.getByRole("link", { name: "Image line timeline →" }).click();
    await expect(page).toHaveURL(new RegExp(`/lines/${fixture.payLine}$`));
    await expect(page.getByTestId("timeline-table").locator("tbody tr")).toHaveCount(27);
    await expect(page.getByTestId("line-chart").locator("svg").first()).toBeVisible();
  });

  await test.step("bad filters get a clear message", async () => {
    await page.goto("/images?size=30&status=NOPE");
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "These filters cannot be applied" });
    await expect(alert).toContainText('Page size "30": must be 25, 50 or 100');
    await expect(alert).toContainText('Status "NOPE": must be one of');
  });

  // Reading the ledger changed nothing: the mark and the AMIs are kept.
  const [row] = await query<{ awsState: string | null; amis: string }>(
    `SELECT "awsState", (SELECT count(*) FROM "ImageAmi" a
       WHERE a."imageId" = i.id) AS amis
     FROM "Image" i WHERE id = $1`,
    [fixture.topImage],
  );
  expect(row).toEqual({ awsState: "DELETED", amis: "2" });
});

test("an engineer sees another team's release, not its failed build", async ({
  page,
}) => {
  await signInAs(page, "Eric Engineer");

  await test.step("the released image and its findings", async () => {
    await page.goto(`/images/${fixture.etlAvailable}`);
    await expect(page.getByTestId("image-status")).toHaveText("AVAILABLE");
    await expect(page.getByText(fixture.cve).first()).toBeVisible();
  });

  await test.step("the failed build is a 404, on the page and the API", async () => {
    const response = await page.goto(`/images/${fixture.etlFailed}`);
    expect(response?.status()).toBe(404);
    const api = await page.request.get(`/api/images/${fixture.etlFailed}/status`);
    expect(api.status()).toBe(404);
  });

  await test.step("the ledger lists the release only", async () => {
    await page.goto("/images?team=analytics&size=100");
    const table = page.getByTestId("ledger-table");
    await expect(table.locator(`tr[data-image-id="${fixture.etlAvailable}"]`)).toHaveCount(1);
    await expect(table.locator(`tr[data-image-id="${fixture.etlFailed}"]`)).toHaveCount(0);
    const [visible] = await query<{ count: string }>(
      `SELECT count(*) FROM "Image" i JOIN "Team" t ON t.id = i."teamId"
       WHERE t.slug = 'analytics' AND i.status = 'AVAILABLE'`,
    );
    await expect(page.getByTestId("ledger-range")).toHaveText(
      `1–${visible.count} of ${visible.count}`,
    );
  });

  const events = await query<{ status: string }>(
    `SELECT status FROM "ImageStatusEvent" WHERE "imageId" = $1 ORDER BY at, status`,
    [fixture.etlFailed],
  );
  const [failed] = await query<{ status: string; awsCheckedAt: Date | null }>(
    `SELECT status, "awsCheckedAt" FROM "Image" WHERE id = $1`,
    [fixture.etlFailed],
  );
  // The refused status request did not sync or touch the draft.
  expect(failed).toEqual({ status: "FAILED", awsCheckedAt: null });
  expect(events.map((e) => e.status).sort()).toEqual(["FAILED", "PENDING"]);
});

test("the owning team still sees its failed build", async ({ page }) => {
  await signInAs(page, "Emma Engineer");
  const response = await page.goto(`/images/${fixture.etlFailed}`);

  expect(response?.status()).toBe(200);
  await expect(
    page.getByRole("alert").filter({ hasText: "Build failed" }),
  ).toContainText("Step Explode failed");
});
