import { expect, test } from "@playwright/test";

import { query } from "../support/db";
import { signInAs } from "../support/ui";

test("security staff cannot open the composer or start a build", async ({
  page,
}) => {
  await signInAs(page, "Sofia Security");

  await expect(page.getByRole("link", { name: "Compose recipe" })).toHaveCount(0);
  await page.goto("/golden/amazon-linux-2023/compose");
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/golden/amazon-linux-2023/compose");
  await expect(page).toHaveURL(/\/signin/);
});

test("the composer refuses a component of another platform", async ({
  page,
}) => {
  await signInAs(page, "Eric Engineer");
  await page.goto("/golden/ubuntu-22-04/compose");

  await expect(page.getByTestId("palette-iis-web-server")).toHaveCount(0);
  await page.getByLabel("Show components for other platforms").check();
  await page.getByRole("button", { name: "Add iis-web-server" }).click();

  const item = page.getByTestId("recipe-item-iis-web-server");
  await expect(item).toContainText("supports Windows (Microsoft Windows Server), not Ubuntu 22");
  await page.getByLabel("Recipe name").fill(`e2e-mismatch-${Date.now()}`);
  await page.getByLabel("Version").fill("1.0.0");
  await page.getByRole("button", { name: "Build image" }).click();
  await expect(page.getByTestId("composer-status")).toContainText(
    "Fix the problems marked on this page",
  );
  await expect(page).toHaveURL(/\/compose$/);
});

test("a used version with other contents is refused by the server", async ({
  page,
}) => {
  const name = `e2e-conflict-${Date.now()}`;
  await signInAs(page, "Emma Engineer");

  async function compose(serverName: string): Promise<void> {
    await page.goto("/golden/ubuntu-22-04/compose");
    await page.getByRole("button", { name: "Add nginx-web-server" }).click();
    await page.getByLabel(/ServerName/).fill(serverName);
    await page.getByLabel("Recipe name").fill(name);
    await page.getByLabel("Version").fill("2.0.0");
    await page.getByRole("button", { name: "Build image" }).click();
  }

  await compose("one.example.com");
  await expect(page).toHaveURL(/\/images\/[a-z0-9]+$/);
  const firstBuild = page.url();

  // The same recipe again is the same build, said so, not a silent jump.
  await compose("one.example.com");
  const before = page.getByTestId("built-before");
  await expect(before).toContainText(
    `${name} 2.0.0 was built before with exactly this recipe (build 2.0.0/1)`,
  );
  await expect(page).toHaveURL(/\/compose$/);
  await before.getByRole("link", { name: "Open that build" }).click();
  await expect(page).toHaveURL(firstBuild);
  const images = await query<{ count: string }>(
    `SELECT count(*) FROM "Image" i JOIN "Recipe" r ON r.id = i."recipeId"
     WHERE r.name = $1`,
    [name],
  );
  expect(Number(images[0].count)).toBe(1);

  await compose("two.example.com");
  const alert = page.getByTestId("composer-status");
  await expect(alert).toContainText(/already exists.*reference/);
  const requestId = /reference ([0-9a-f-]{36})/.exec(
    await alert.innerText(),
  )?.[1];
  await expect(page.locator("#recipe-version-error")).toContainText(
    "use a higher version",
  );

  const rows = await query<{ count: string }>(
    `SELECT count(*) FROM "RecipeVersion" v
     JOIN "Recipe" r ON r.id = v."recipeId" WHERE r.name = $1`,
    [name],
  );
  expect(Number(rows[0].count)).toBe(1);
  const refusals = await query<{ name: string; email: string }>(
    `SELECT a."entityId" AS name, u.email FROM "AuditEntry" a
     JOIN "User" u ON u.id = a."actorId"
     WHERE a.action = 'action.refused' AND a."requestId" = $1`,
    [requestId],
  );
  expect(refusals).toEqual([
    { name: "buildRecipeAction", email: expect.stringContaining("emma") },
  ]);
});
