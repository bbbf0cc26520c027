import { expect, type Page } from "@playwright/test";

/**
 * Opens the AMI ledger from the nav and applies filters through its
 * filter bar (not the URL), as a person would.
 */
export async function filterLedger(
  page: Page,
  filters: { team?: string; severe?: boolean },
): Promise<void> {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "AMI ledger" })
    .click();
  await expect(page).toHaveURL(/\/images$/);
  const form = page.getByRole("search", { name: "Filter the ledger" });
  if (filters.team) await form.getByLabel("Team").selectOption(filters.team);
  if (filters.severe) await form.getByLabel("Has critical or high").check();
  await form.getByRole("button", { name: "Apply filters" }).click();

  if (filters.team) {
    await expect(page).toHaveURL(new RegExp(`[?&]team=${filters.team}`));
  }
  if (filters.severe) await expect(page).toHaveURL(/[?&]severe=1/);
}

/** Every row of the ledger for the current filters, page by page. */
export async function walkLedger(page: Page) {
  const table = page.getByTestId("ledger-table");
  const rows: { id: string; high: number }[] = [];
  for (;;) {
    await expect(table).toBeVisible();
    rows.push(
      ...(await table.locator("tbody tr[data-image-id]").evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute("data-image-id")!,
          high: Number(tr.children[7]?.textContent?.trim()),
        })),
      )),
    );
    const next = page.getByRole("link", { name: "Next →" });
    if ((await next.count()) === 0) break;
    const range = await page.getByTestId("ledger-range").textContent();
    await next.click();
    await expect(page.getByTestId("ledger-range")).not.toHaveText(range!);
  }

  return rows;
}
