// Takes the README's screenshots from a running portal:
//   npm start   (in another terminal), then
//   npx tsx scripts/screenshots.ts [baseUrl]
import { chromium, type Page } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = "docs/screenshots";

async function drag(page: Page, from: string, to: string): Promise<void> {
  const a = await page.getByTestId(from).boundingBox();
  const b = await page.getByText(to).boundingBox();
  if (!a || !b) throw new Error(`cannot drag ${from}`);

  await page.mouse.move(a.x + 30, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + a.height / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.mouse.up();
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({
  baseURL: base,
  viewport: { width: 1440, height: 1000 },
});

await page.goto("/signin");
await page.screenshot({ path: `${out}/signin.png` });
await page.getByRole("button", { name: "Sign in as Eric Engineer" }).click();
await page.waitForURL(/\/golden$/);
await page.screenshot({ path: `${out}/catalog.png`, fullPage: true });

await page
  .getByTestId("golden-amazon-linux-2023")
  .getByRole("link", { name: "Compose recipe" })
  .click();
await page.getByTestId("recipe-list").waitFor();
for (const name of ["nginx-web-server", "cloudwatch-agent-linux"]) {
  await drag(page, `palette-${name}`, "Drop components here");
}
await page.getByRole("button", { name: "Add http-smoke-test" }).click();
await page.getByLabel(/ServerName/).fill("api.payments.example.com");
await page.getByLabel("Recipe name").fill(`payments-api-${Date.now() % 1e5}`);
await page.getByLabel("Version").fill("1.0.0");
await page.screenshot({ path: `${out}/composer.png`, fullPage: true });

await page.getByRole("button", { name: "Build image" }).click();
await page.waitForURL(/\/images\/[a-z0-9]+$/);
await page.waitForTimeout(4000);
await page.screenshot({ path: `${out}/image-building.png` });
await page
  .getByTestId("findings-table")
  .waitFor({ timeout: 120_000 });
await page.screenshot({ path: `${out}/image.png`, fullPage: true });

// The security views, as security staff, over the seeded demo history.
await page.getByRole("button", { name: "Sign out" }).click();
await page.goto("/signin");
await page.getByRole("button", { name: "Sign in as Sofia Security" }).click();
await page.waitForURL(/\/golden$/);
await page.goto("/images");
await page.screenshot({ path: `${out}/ledger.png` });
await page.goto("/security");
await page.waitForTimeout(1000);
await page.screenshot({ path: `${out}/security.png`, fullPage: true });
await page.goto("/images");
const newest = page.locator("[data-image-id]").first();
await page.goto(`/images/${await newest.getAttribute("data-image-id")}/diff`);
await page.screenshot({ path: `${out}/diff.png`, fullPage: true });
await browser.close();
