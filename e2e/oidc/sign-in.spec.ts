import { expect, test, type Page } from "@playwright/test";

import { query } from "../support/db";

// The portal under test here has OIDC_ISSUER set; the provider is
// scripts/e2e-oidc-provider.ts, whose login accepts any password.
async function signInWithSso(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with company SSO" }).click();
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("no demo sign-in is offered when an issuer is configured", async ({
  page,
}) => {
  await page.goto("/signin");

  await expect(
    page.getByRole("button", { name: "Sign in with company SSO" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Sign in as/ })).toHaveCount(0);
  await expect(page.getByText(/demo/i)).toHaveCount(0);
});

test("groups from the identity provider become role and team", async ({
  page,
}) => {
  await signInWithSso(page, "olga");

  await expect(page).toHaveURL(/\/golden$/);
  await expect(page.getByTestId("current-user")).toContainText("Olga Operator");
  await expect(
    page.getByRole("link", { name: "Compose recipe" }).first(),
  ).toBeVisible();

  const users = await query<{ role: string; team: string; email: string }>(
    `SELECT u.role, t.slug AS team, u.email FROM "User" u
     JOIN "Team" t ON t.id = u."teamId" WHERE u."externalId" = $1`,
    ["olga"],
    "oidc",
  );
  expect(users).toEqual([
    { role: "engineer", team: "platform", email: "olga@corp.example.com" },
  ]);
});

test("a security group gets the security role only", async ({ page }) => {
  await signInWithSso(page, "sam");

  await expect(page.getByTestId("current-user")).toContainText("Sam Auditor");
  await expect(page.getByRole("link", { name: "Compose recipe" })).toHaveCount(0);
  await page.goto("/golden/amazon-linux-2023/compose");
  await expect(
    page.getByRole("heading", { name: "Not for your role" }),
  ).toBeVisible();
});

test("an account without a portal group is turned away", async ({ page }) => {
  await signInWithSso(page, "nobody");

  await expect(page).toHaveURL(/\/signin\?.*error=/);
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" }))
    .toBeVisible();
  const users = await query(
    `SELECT 1 FROM "User" WHERE "externalId" = $1`,
    ["nobody"],
    "oidc",
  );
  expect(users).toHaveLength(0);
});
