import { expect, test, type Page } from "@playwright/test";

import { startTestSmtp, type TestSmtp } from "../../tests/support/smtp";
import { query } from "../support/db";
import { E2E_SMTP_PORT } from "../support/mail";
import {
  buildRecipe,
  createPipeline,
  publishPresets,
  signInAs,
} from "./helpers";

let smtp: TestSmtp;

test.beforeAll(async () => {
  smtp = await startTestSmtp(E2E_SMTP_PORT);
});

test.afterAll(async () => {
  await smtp?.stop();
});

test("a scheduled pipeline runs now, finishes through events, mails the team and archives the report", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const suffix = String(Date.now());
  const recipe = `e2e-pipe-${suffix}`;
  const name = `nightly-${suffix}`;

  await test.step("a recipe version and the CCOE presets exist", async () => {
    await buildRecipe(page, recipe);
  });
  const presets = await publishPresets(page, suffix);

  await test.step("the schedule is checked as you type", async () => {
    await createPipelineFormChecks(page);
    await createPipeline(page, {
      name,
      recipe,
      ...presets,
      cron: "cron(0 2 ? * mon-fri *)",
    });
    await expect(page.getByText("cron(0 2 ? * mon-fri *) (UTC)")).toBeVisible();
  });

  await test.step("run now and watch it become available", async () => {
    await page.getByRole("button", { name: "Run now" }).click();
    const row = page.getByTestId("run-history").locator("tbody tr").first();
    await expect(row.getByTestId("run-type")).toHaveText("manual");
    await expect(row.getByTestId("run-outcome")).toContainText("AVAILABLE", {
      timeout: 60_000,
    });
  });

  const [image] = await query<{ id: string; arn: string; buildType: string }>(
    `SELECT i.id, i.arn, i."buildType" FROM "Image" i
     JOIN "Pipeline" p ON p.id = i."pipelineId" WHERE p.name = $1`,
    [name],
  );

  await test.step("the status arrived as events, each applied once", async () => {
    expect(image.buildType).toBe("USER_INITIATED");
    await expect
      .poll(async () => {
        const rows = await query<{ outcome: string }>(
          `SELECT outcome FROM "ProcessedEvent" WHERE resource = $1`,
          [image.arn],
        );
        return rows.map((r) => r.outcome);
      })
      .toContain(`applied: ${image.id} AVAILABLE`);
    const audits = await query<{ action: string }>(
      `SELECT action FROM "AuditEntry" WHERE "entityId" = $1`,
      [image.id],
    );
    expect(audits.map((a) => a.action)).toContain("pipeline.run");
  });

  await test.step("the team got the mails in the SMTP server", async () => {
    await expect
      .poll(
        () =>
          smtp.mails
            .filter((m) => m.raw.includes(image.id))
            .map((m) => m.subject),
        {
          timeout: 30_000,
        },
      )
      .toEqual(
        expect.arrayContaining([
          `[AMI portal] Image available: ${recipe} ${image.arn.split("/").slice(-2).join("/")}`,
          expect.stringMatching(
            /^\[AMI portal\] \d+ critical, \d+ high findings/,
          ),
        ]),
      );
    const digests = smtp.mails.filter(
      (m) => m.raw.includes(image.id) && /critical, \d+ high/.test(m.subject),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].to).toEqual(["payments-eng@example.com"]);
  });

  await test.step("the archived report downloads from the image page", async () => {
    await page.goto(`/images/${image.id}`);
    const archive = page.getByTestId("report-archive");
    await expect(archive).toBeVisible({ timeout: 30_000 });
    const download = page.waitForEvent("download");
    await archive.getByRole("link", { name: "CSV" }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text as Buffer[]).toString("utf8");
    const findings = await query<{ count: string }>(
      `SELECT count(*) FROM "Finding" WHERE "imageId" = $1`,
      [image.id],
    );

    expect(csv.split("\r\n")[0]).toMatch(/^vulnerabilityId,severity,status/);
    expect(csv.trim().split("\r\n")).toHaveLength(
      Number(findings[0].count) + 1,
    );
    const json = await page.request.get(
      (await archive.getByRole("link", { name: "JSON" }).getAttribute("href"))!,
    );
    expect((await json.json()).image.arn).toBe(image.arn);
  });
});

async function createPipelineFormChecks(page: Page) {
  await signInAs(page, "Eric Engineer");
  await page.goto("/pipelines/new");
  const cron = page.getByLabel("Cron expression");
  const problem = page.getByTestId("schedule-problem");

  await cron.fill("cron(0 6 ? * fri)");
  await expect(problem).toContainText("this one has 5");
  await cron.fill("cron(0 10 1 * mon *)");
  await expect(problem).toContainText("exactly one of day-of-month");
  await cron.fill("rate(12 hours)");
  await expect(problem).toContainText("rate() is an EventBridge rule");
  await cron.fill("cron(30 22 ? * tue#2 *)");
  await expect(page.getByTestId("next-runs").locator("li")).toHaveCount(5);
}
