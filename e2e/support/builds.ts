import { expect, type Page } from "@playwright/test";

/**
 * Composes one version on a golden image and builds it as the signed-in
 * engineer; returns the image id once it is AVAILABLE and scanned.
 */
export async function composeAndBuild(
  page: Page,
  name: string,
  version: string,
  addComponents: () => Promise<void> = async () => {},
  golden = "amazon-linux-2023",
): Promise<string> {
  await page.goto(`/golden/${golden}/compose`);
  await addComponents();
  await page.getByLabel("Recipe name").fill(name);
  await page.getByLabel("Version", { exact: true }).fill(version);
  await expect(page.getByText(`Ready to build ${name} ${version}`)).toBeVisible();
  await page.getByRole("button", { name: "Build image" }).click();
  await expect(page).toHaveURL(/\/images\/[a-z0-9]+$/);
  await expect(page.getByTestId("image-status")).toContainText("AVAILABLE", {
    timeout: 90_000,
  });
  await expect(page.getByTestId("findings-table")).toBeVisible({
    timeout: 30_000,
  });

  return page.url().split("/").pop()!;
}

/** Saves a full-page screenshot when E2E_SCREENSHOTS names a directory. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;

  await page.screenshot({
    path: `${process.env.E2E_SCREENSHOTS}/${name}.png`,
    fullPage: true,
  });
}
