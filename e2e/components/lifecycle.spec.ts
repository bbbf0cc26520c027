import { expect, test } from "@playwright/test";

import { query } from "../support/db";
import {
  linuxDocument,
  setDocument,
  switchUser,
  transitions,
  versionRow,
} from "./support";

test("author, four-eyes approval, composer and a build", async ({ page }) => {
  const name = `e2e-tools-${Date.now()}`;

  await test.step("a reviewer writes a component; a bad document is refused", async () => {
    await switchUser(page, "Rachel Reviewer");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Components" })
      .click();
    await page.getByRole("link", { name: "New component" }).click();
    await page.getByLabel("Component name").fill(name);
    await page.getByLabel("Description", { exact: true }).fill("Tools for the e2e journey");
    await page.getByLabel("Amazon Linux", { exact: true }).check();
    await page.getByLabel("Change description").fill("First version");

    await setDocument(page, linuxDocument("Install tools"));
    const issues = page.getByTestId("document-issues");
    await expect(issues).toContainText(
      "Line 7, column 15: Invalid step name 'Install tools'",
    );
    const editor = page.getByTestId("yaml-editor");
    await expect(editor.locator(".cm-lineNumbers")).toContainText("12");
    await expect(editor.locator(".cm-lint-marker-error")).toHaveCount(1);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("form-message")).toHaveText(
      "The document has 1 error; nothing was saved.",
    );
    await expect(page.getByTestId("server-errors")).toContainText(
      "Line 7, column 15: Invalid step name 'Install tools' in phase 'build'",
    );
    const saved = await query(`SELECT id FROM "Component" WHERE name = $1`, [name]);
    expect(saved).toHaveLength(0);
  });

  await test.step("a valid document is submitted and becomes immutable", async () => {
    await setDocument(page, linuxDocument("Install-tools"));
    await expect(page.getByTestId("document-issues")).toHaveText(
      "The document is valid.",
    );
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page).toHaveURL(new RegExp(`/components/${name}\\?v=1.0.0$`));
    await expect(page.getByTestId("version-1.0.0")).toContainText("submitted");
    await expect(page.getByRole("link", { name: "Edit draft" })).toHaveCount(0);

    const row = await versionRow(name, "1.0.0");
    expect(row).toMatchObject({ status: "submitted", author: "rachel@example.com" });
  });

  await test.step("the author's own approval is refused", async () => {
    await page.getByRole("button", { name: "Approve and publish" }).click();
    await expect(page.getByTestId("action-message")).toContainText(
      "You wrote this version; another reviewer must approve it.",
    );
    expect((await versionRow(name, "1.0.0")).status).toBe("submitted");
  });

  await test.step("a second reviewer approves from the queue", async () => {
    await switchUser(page, "Ravi Reviewer");
    await page.goto("/components/review");
    const card = page.getByTestId(`review-${name}`);
    await expect(card).toContainText("No approved version yet");
    await expect(card.getByTestId("diff")).toContainText("Install-tools");
    await card.getByLabel("Review comment").fill("Looks good");
    await card.getByRole("button", { name: "Approve and publish" }).click();
    await expect(card).toHaveCount(0);

    const row = await versionRow(name, "1.0.0");
    expect(row).toMatchObject({
      status: "published",
      reviewer: "ravi@example.com",
      reviewComment: "Looks good",
    });
    expect(row.arn).toMatch(
      new RegExp(`^arn:aws:imagebuilder:us-east-1:\\d{12}:component/${name}/1\\.0\\.0/1$`),
    );
    expect(await transitions(row.id)).toEqual([
      "new→draft",
      "draft→submitted",
      "submitted→approved",
      "approved→published",
    ]);

    await page.goto(`/components/${name}`);
    await expect(page.getByTestId("version-facts")).toContainText(row.arn!);
    await expect(page.getByTestId("history")).toContainText("submitted → approved");
    await page.goto("/notifications");
    await expect(page.getByTestId("notifications")).toContainText(
      `${name} 1.0.0 approved`,
    );
  });

  await test.step("an engineer finds it in the composer and builds", async () => {
    const recipe = `e2e-uses-tools-${Date.now()}`;
    await switchUser(page, "Eric Engineer");
    await page.goto("/golden/amazon-linux-2023/compose");
    await expect(page.getByTestId(`palette-${name}`)).toBeVisible();
    await page.getByRole("button", { name: `Add ${name}` }).click();
    await page.getByLabel("Recipe name").fill(recipe);
    await page.getByLabel("Version", { exact: true }).fill("1.0.0");
    await expect(page.getByText(`Ready to build ${recipe} 1.0.0`)).toBeVisible();
    await page.getByRole("button", { name: "Build image" }).click();
    await expect(page).toHaveURL(/\/images\/[a-z0-9]+$/);
    await expect(page.getByTestId("image-status")).toContainText("AVAILABLE", {
      timeout: 60_000,
    });

    const used = await query<{ name: string }>(
      `SELECT c.name FROM "RecipeComponent" rc
         JOIN "RecipeVersion" rv ON rv.id = rc."recipeVersionId"
         JOIN "Recipe" r ON r.id = rv."recipeId"
         JOIN "ComponentVersion" cv ON cv.id = rc."componentVersionId"
         JOIN "Component" c ON c.id = cv."componentId"
        WHERE r.name = $1`,
      [recipe],
    );
    expect(used.map((u) => u.name)).toContain(name);

    await page.goto(`/components/${name}`);
    await expect(page.getByTestId("usage")).toContainText(recipe);
  });

  await test.step("deprecation warns the recipe's team and hides it", async () => {
    await switchUser(page, "Ravi Reviewer");
    await page.goto(`/components/${name}`);
    await page.getByLabel("Deprecation note").fill("Use the 2.x line");
    await page.getByRole("button", { name: "Deprecate" }).click();
    await expect(page.getByTestId("version-1.0.0")).toContainText("deprecated");
    expect((await versionRow(name, "1.0.0")).status).toBe("deprecated");

    await switchUser(page, "Eric Engineer");
    await page.goto("/notifications");
    await expect(page.getByTestId("notifications")).toContainText(
      `${name} 1.0.0 is deprecated`,
    );
    await page.goto("/golden/amazon-linux-2023/compose");
    await expect(page.getByTestId("palette-nginx-web-server")).toBeVisible();
    await expect(page.getByTestId(`palette-${name}`)).toHaveCount(0);
  });
});

test("rejection needs a comment, tells the author; new version and diff", async ({
  page,
}) => {
  const name = `e2e-rejected-${Date.now()}`;

  await test.step("the library filters by platform, type and name", async () => {
    await switchUser(page, "Eric Engineer");
    await page.goto("/components?platform=Windows&type=BUILD");
    const table = page.getByTestId("component-table");
    await expect(table.getByTestId("component-row-ccoe-hardening-windows"))
      .toBeVisible();
    await expect(table.getByTestId("component-row-ccoe-hardening-rhel"))
      .toHaveCount(0);

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/components$/);
    await expect(page.getByLabel("Platform")).toHaveValue("");
    await page.getByLabel("Search").fill("hardening-deb");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table).toContainText("ccoe-hardening-debian");
  });

  await test.step("an engineer submits a component", async () => {
    await page.goto("/components/new");
    await page.getByLabel("Component name").fill(name);
    await page.getByLabel("Description", { exact: true }).fill("Will be rejected first");
    await setDocument(page, linuxDocument("Install", "v1"));
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page).toHaveURL(new RegExp(`/components/${name}\\?v=1.0.0$`));
    expect((await versionRow(name, "1.0.0")).author).toBe("eric@example.com");
  });

  await test.step("a reviewer rejects, first without a comment", async () => {
    await switchUser(page, "Ravi Reviewer");
    await page.goto(`/components/${name}`);
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByTestId("action-message")).toContainText(
      "Say why the version is rejected.",
    );
    expect((await versionRow(name, "1.0.0")).status).toBe("submitted");

    await page.getByLabel("Review comment").fill("Pin the tool version");
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByTestId("version-1.0.0")).toContainText("rejected");
    expect(await versionRow(name, "1.0.0")).toMatchObject({
      status: "rejected",
      reviewComment: "Pin the tool version",
      reviewer: "ravi@example.com",
    });
  });

  await test.step("the author's team sees why, in the portal", async () => {
    await switchUser(page, "Eric Engineer");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByLabel(/\d+ unread/)).toBeVisible();
    await nav.getByRole("link", { name: /Notifications/ }).click();
    const notices = page.getByTestId("notifications");
    await expect(notices).toContainText(`${name} 1.0.0 rejected`);
    await expect(notices).toContainText("Pin the tool version");

    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(nav.getByLabel(/\d+ unread/)).toHaveCount(0);
    const unread = await query<{ count: string }>(
      `SELECT count(*) FROM "Notification" n JOIN "Team" t ON t.id = n."teamId"
        WHERE t.slug = 'payments' AND n."readAt" IS NULL
          AND n.kind LIKE 'component.%'`,
    );
    expect(Number(unread[0].count)).toBe(0);
  });

  await test.step("a new version starts from the latest and needs a change note", async () => {
    await page.goto(`/components/${name}`);
    await page.getByRole("link", { name: "New version" }).click();
    await expect(page.getByLabel("Version", { exact: true })).toHaveValue("1.1.0");
    await expect(page.getByTestId("yaml-editor")).toContainText('echo "v1"');

    await setDocument(page, linuxDocument("Install", "v2"));
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Describe what changed in this version.")).toBeVisible();
    await page.getByLabel("Change description").fill("Pins the tool");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(new RegExp(`/components/${name}\\?v=1.1.0$`));
    expect((await versionRow(name, "1.1.0")).status).toBe("draft");
  });

  await test.step("the two versions compare side by side", async () => {
    await page.getByRole("link", { name: "Compare versions" }).click();
    const diff = page.getByTestId("diff");
    await expect(diff.locator("tr[data-kind=changed]")).toHaveCount(1);
    await expect(diff.locator("tr[data-kind=changed]")).toContainText('echo "v1"');
    await expect(diff.locator("tr[data-kind=changed]")).toContainText('echo "v2"');
  });
});
