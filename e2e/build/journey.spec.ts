import { expect, test } from "@playwright/test";

import { query } from "../support/db";
import { dragTo, recipeOrder, signInAs } from "../support/ui";

test("an engineer composes a recipe by drag and drop and builds an AMI", async ({
  page,
}) => {
  const recipeName = `e2e-api-${Date.now()}`;
  const list = page.getByTestId("recipe-list");
  const dropZone = list.getByText("Drop components here");
  const palette = (name: string) => page.getByTestId(`palette-${name}`);
  const handle = (name: string) =>
    page.getByRole("button", { name: `Reorder ${name}` });

  await test.step("sign in and open the catalog", async () => {
    await signInAs(page, "Eric Engineer");
    await expect(page).toHaveURL(/\/golden$/);
    for (const name of [
      "CentOS 7",
      "Ubuntu 18.04 LTS",
      "Amazon Linux 2023",
      "Ubuntu 22.04 LTS",
      "Red Hat Enterprise Linux 9",
      "Windows Server 2022",
    ]) {
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    }
    const al2023 = page.getByTestId("golden-amazon-linux-2023");
    await expect(al2023).toContainText("Amazon Linux 2023");
    await expect(al2023).toContainText("x86_64");
    await expect(al2023).toContainText("Cloud Center of Excellence");
    await al2023.getByRole("link", { name: "Compose recipe" }).click();
  });

  await test.step("the mandatory hardening is locked in place", async () => {
    await expect(page.getByTestId("recipe-item-ccoe-hardening-rhel")).toContainText(
      "Mandatory",
    );
    await expect(
      page.getByRole("button", { name: "Remove ccoe-hardening-rhel" }),
    ).toHaveCount(0);
    await expect(palette("iis-web-server")).toHaveCount(0);
  });

  await test.step("drag components from the palette", async () => {
    await dragTo(page, palette("nginx-web-server"), dropZone);
    await dragTo(page, palette("http-smoke-test"), dropZone);
    await dragTo(page, palette("cloudwatch-agent-linux"), dropZone);
    expect(await recipeOrder(page)).toEqual([
      "ccoe-hardening-rhel",
      "nginx-web-server",
      "http-smoke-test",
      "cloudwatch-agent-linux",
    ]);
    await expect(page.getByTestId("recipe-item-http-smoke-test")).toContainText(
      "must come after every build component",
    );
    await expect(page.getByTestId("recipe-item-nginx-web-server")).toContainText(
      "ServerName is required",
    );
  });

  await test.step("reorder by keyboard, then by mouse", async () => {
    await handle("http-smoke-test").focus();
    await page.keyboard.press("Space");
    await expect(handle("http-smoke-test")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(250);
    await page.keyboard.press("Space");
    await expect
      .poll(() => recipeOrder(page))
      .toEqual([
        "ccoe-hardening-rhel",
        "nginx-web-server",
        "cloudwatch-agent-linux",
        "http-smoke-test",
      ]);
    await expect(list).not.toContainText("must come after");

    await dragTo(
      page,
      handle("cloudwatch-agent-linux"),
      page.getByTestId("recipe-item-nginx-web-server"),
      "above",
    );
    await expect
      .poll(() => recipeOrder(page))
      .toEqual([
        "ccoe-hardening-rhel",
        "cloudwatch-agent-linux",
        "nginx-web-server",
        "http-smoke-test",
      ]);
  });

  await test.step("duplicates are flagged and removable", async () => {
    await page.getByRole("button", { name: "Add nginx-web-server" }).click();
    await expect(list).toContainText("nginx-web-server is already in the recipe");
    await page.getByRole("button", { name: "Remove nginx-web-server" }).last().click();
    await expect(list).not.toContainText("already in the recipe");
  });

  await test.step("fill parameters, name and version", async () => {
    const nginx = page.getByTestId("recipe-item-nginx-web-server");
    await nginx.getByLabel(/ServerName/).fill("api.payments.example.com");
    await expect(list).not.toContainText("is required");

    await page.getByLabel("Recipe name").fill("x");
    await expect(page.locator("#recipe-name-error")).toContainText("3–128");
    await page.getByLabel("Version").fill("1.0");
    await expect(page.locator("#recipe-version-error")).toContainText(
      "semantic version",
    );
    await page.getByLabel("Recipe name").fill(recipeName);
    await page.getByLabel("Version").fill("1.0.0");
    await expect(page.getByText(`Ready to build ${recipeName} 1.0.0`)).toBeVisible();
    const preview = page.getByTestId("request-preview");
    await expect(preview).toContainText(`"name": "${recipeName}"`);
    await expect(preview).toContainText('"parentImage": "ami-0f3d2c1b4a5e6d753"');
    await expect(preview).toContainText("api.payments.example.com");
  });

  await test.step("build and watch it go live", async () => {
    await page.getByRole("button", { name: "Build image" }).click();
    await expect(page).toHaveURL(/\/images\/[a-z0-9]+$/);
    const status = page.getByTestId("image-status");
    await expect(status).toContainText(/BUILDING|TESTING|DISTRIBUTING/, {
      timeout: 20_000,
    });
    await expect(status).toContainText("AVAILABLE", { timeout: 60_000 });
    const amis = page.getByTestId("ami-table");
    await expect(amis.getByRole("row")).toHaveCount(5);
    await expect(amis).toContainText("eu-west-1");
    await expect(amis).toContainText("444455556666");
    await expect(page.getByTestId("findings-table")).toBeVisible({ timeout: 30_000 });
  });

  const imageId = page.url().split("/").pop()!;
  const shownRows = await page
    .getByTestId("findings-table")
    .locator("tbody tr")
    .count();

  await test.step("the database holds the recipe, image and findings", async () => {
    const versions = await query<{ id: string; version: string }>(
      `SELECT v.id, v.version FROM "RecipeVersion" v
       JOIN "Recipe" r ON r.id = v."recipeId" WHERE r.name = $1`,
      [recipeName],
    );
    expect(versions).toHaveLength(1);
    expect(versions[0].version).toBe("1.0.0");

    const components = await query<{ name: string; parameters: Record<string, string> }>(
      `SELECT c.name, rc.parameters FROM "RecipeComponent" rc
       JOIN "ComponentVersion" cv ON cv.id = rc."componentVersionId"
       JOIN "Component" c ON c.id = cv."componentId"
       WHERE rc."recipeVersionId" = $1 ORDER BY rc.position`,
      [versions[0].id],
    );
    expect(components.map((c) => c.name)).toEqual([
      "ccoe-hardening-rhel",
      "cloudwatch-agent-linux",
      "nginx-web-server",
      "http-smoke-test",
    ]);
    expect(components[2].parameters.ServerName).toBe("api.payments.example.com");

    const [image] = await query<{ status: string; arn: string; critical: number }>(
      `SELECT status, arn, critical FROM "Image" WHERE id = $1`,
      [imageId],
    );
    expect(image.status).toBe("AVAILABLE");
    expect(image.arn).toContain(`image/${recipeName}/1.0.0/1`);

    const amis = await query<{ region: string; amiId: string }>(
      `SELECT region, "amiId" FROM "ImageAmi" WHERE "imageId" = $1`,
      [imageId],
    );
    expect(amis).toHaveLength(4);
    for (const ami of amis) expect(ami.amiId).toMatch(/^ami-[0-9a-f]{17}$/);

    const findings = await query<{ count: string }>(
      `SELECT count(*) FROM "Finding" WHERE "imageId" = $1
       AND status = 'ACTIVE' AND type = 'PACKAGE_VULNERABILITY'`,
      [imageId],
    );
    // The table shows the first page (50 rows) of active package CVEs.
    expect(Math.min(Number(findings[0].count), 50)).toBe(shownRows);
    expect(shownRows).toBeGreaterThan(0);
  });

  await test.step("the ledger lists the build first and opens it", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "AMI ledger" })
      .click();
    const firstRow = page.getByTestId("ledger-table").locator("tbody tr").first();
    await expect(firstRow).toContainText(recipeName);
    await expect(firstRow).toContainText("AVAILABLE");
    await expect(firstRow).toContainText("Payments");
    await expect(firstRow).toContainText("Amazon Linux 2023");
    await firstRow.getByRole("link", { name: recipeName }).click();
    await expect(page).toHaveURL(new RegExp(`/images/${imageId}$`));
  });
});
