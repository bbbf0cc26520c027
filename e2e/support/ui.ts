import { expect, type Locator, type Page } from "@playwright/test";

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByTestId("current-user")).toContainText(name);
}

/**
 * Drags with real mouse events: dnd-kit ignores locator.dragTo(). The first
 * small move passes the sensor's 5 px activation distance.
 */
export async function dragTo(
  page: Page,
  source: Locator,
  target: Locator,
  where: "above" | "below" = "below",
): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("drag source or target is not visible");

  const startX = from.x + Math.min(from.width / 2, 40);
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 10, startY + 10, { steps: 5 });
  const offset = where === "below" ? to.height * 0.75 : to.height * 0.2;
  await page.mouse.move(to.x + to.width / 2, to.y + offset, { steps: 20 });
  await page.mouse.up();
  // dnd-kit swallows every click for 50 ms after a pointer drag ends (so
  // the drop is not also a click); a test's next click must come later.
  await page.waitForTimeout(100);
}

/** The recipe's component names, in order. */
export async function recipeOrder(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId("recipe-list")
    .locator("[data-testid^=recipe-item-]")
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-testid")));

  return ids.map((id) => String(id).replace("recipe-item-", ""));
}
