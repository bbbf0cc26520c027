import { expect, type Page } from "@playwright/test";

import { signInAs as signInFresh } from "../support/ui";

/** Switches user: the sign-in page is only for signed-out visitors. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.context().clearCookies();
  await signInFresh(page, name);
}

/** A one-off build of the mandatory components gives a recipe version. */
export async function buildRecipe(page: Page, name: string): Promise<void> {
  await signInAs(page, "Eric Engineer");
  await page.goto("/golden/amazon-linux-2023/compose");
  await page.getByLabel("Recipe name").fill(name);
  await page.getByLabel("Version").fill("1.0.0");
  await page.getByRole("button", { name: "Build image" }).click();
  await expect(page).toHaveURL(/\/images\/[a-z0-9]+$/);
}

/** The CCOE admin publishes an infrastructure preset and a distribution. */
export async function publishPresets(page: Page, suffix: string) {
  const infra = `e2e-infra-${suffix}`;
  const dist = `e2e-dist-${suffix}`;
  await signInAs(page, "Alice Admin");

  await page.goto("/admin/infrastructure");
  await page.getByLabel("Name", { exact: true }).fill(infra);
  await page.getByLabel("Instance types").fill("t3.large, m5.large");
  await page.getByLabel("Subnet").fill("subnet-0a1b2c3d4e5f60718");
  await page.getByRole("button", { name: "Save preset" }).click();
  await expect(
    page.getByText("A subnet needs at least one security group."),
  ).toBeVisible();
  await page.getByLabel("Security groups").fill("sg-0a1b2c3d4e5f60718");
  await page.getByLabel("S3 log bucket").fill("ccoe-build-logs");
  await page.getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByTestId("preset-list")).toContainText(infra);

  await page.goto("/admin/distribution");
  await page.getByLabel("Name", { exact: true }).fill(dist);
  await page.getByLabel("Copy to accounts").fill("444455556666");
  const preview = page.getByTestId("distribution-preview");
  await expect(preview).toContainText("get a copy but no launch permission");
  await page.getByLabel("Launch: accounts").fill("44445555666");
  await page.getByRole("button", { name: "Save distribution" }).click();
  await expect(page.getByText("Account ids are 12 digits.")).toBeVisible();
  await page.getByLabel("Launch: accounts").fill("444455556666");
  await expect(preview).toContainText("1 account");
  await expect(preview).not.toContainText("no launch permission");
  await page.getByRole("button", { name: "Save distribution" }).click();
  await expect(page.getByTestId("distribution-list")).toContainText(dist);

  return { infra, dist };
}

export interface PipelineForm {
  name: string;
  recipe: string;
  infra: string;
  dist: string;
  cron: string;
}

export async function createPipeline(page: Page, form: PipelineForm) {
  await signInAs(page, "Eric Engineer");
  await page.goto("/pipelines/new");
  await page.getByLabel("Name", { exact: true }).fill(form.name);
  await page.getByLabel("Recipe version").selectOption({ label: `${form.recipe} 1.0.0` });
  await page.getByLabel("Infrastructure").selectOption({ label: form.infra });
  await page.getByLabel("Distribution").selectOption({ label: form.dist });
  await page.getByLabel("Start condition").selectOption("EXPRESSION_MATCH_ONLY");
  await page.getByLabel("Cron expression").fill(form.cron);
  await expect(page.getByTestId("next-runs").locator("li")).toHaveCount(5);
  await page.getByRole("button", { name: "Create pipeline" }).click();
  await expect(page).toHaveURL(/\/pipelines\/[a-z0-9]+$/);
  await expect(page.getByTestId("pipeline-status")).toHaveText("ENABLED");
}
