import { expect, test } from "@playwright/test";

import { signInAs } from "../support/ui";

test("an admin sees which AWS read calls succeed, as whom, where", async ({
  page,
}) => {
  await signInAs(page, "Alice Admin");

  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByRole("link", { name: "AWS connection" }).click();

  await expect(page.getByRole("heading", { name: "AWS connection" })).toBeVisible();
  await expect(page.getByText("Local emulator", { exact: true })).toBeVisible();
  await expect(page.getByText("us-east-1", { exact: true })).toBeVisible();
  const account = page.getByRole("region", { name: "Portal account" });
  await expect(account).toContainText(
    "arn:aws:iam::111122223333:user/local-emulator",
  );
  for (const call of [
    "STS GetCallerIdentity",
    "Image Builder ListComponents",
    "Image Builder ListImages",
    "Inspector ListCoverage",
  ]) {
    const row = account.getByRole("row", { name: new RegExp(call) });
    await expect(row).toContainText("succeeded");
  }
});

test("the page and its link are for admins only", async ({ page }) => {
  await signInAs(page, "Eric Engineer");

  await expect(page.getByRole("link", { name: "Admin", exact: true }))
    .toHaveCount(0);
  await expect(page.getByRole("link", { name: "AWS connection" })).toHaveCount(0);
  await page.goto("/admin/aws");

  await expect(page).toHaveURL(/\/forbidden$/);
});
