import { expect, test } from "@playwright/test";

import { query } from "../support/db";
import { buildRecipe, createPipeline, publishPresets } from "./helpers";

test("a schedule starts a run by itself, and a manual run is cancelled", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const suffix = `s${Date.now()}`;
  const recipe = `e2e-sched-${suffix}`;
  const name = `every-minute-${suffix}`;

  await buildRecipe(page, recipe);
  const presets = await publishPresets(page, suffix);
  await createPipeline(page, {
    name,
    recipe,
    ...presets,
    cron: "cron(* * * * ? *)",
  });
  const history = page.getByTestId("run-history");

  await test.step("the schedule fires within a minute", async () => {
    const scheduled = history
      .locator("tbody tr")
      .filter({ has: page.getByTestId("run-type").getByText("scheduled") });
    await expect(scheduled.first()).toBeVisible({ timeout: 90_000 });
    const rows = await query<{ buildType: string; action: string }>(
      `SELECT i."buildType", a.action FROM "Image" i
       JOIN "Pipeline" p ON p.id = i."pipelineId"
       JOIN "AuditEntry" a ON a."entityId" = i.id
       WHERE p.name = $1 AND i."buildType" = 'SCHEDULED'`,
      [name],
    );
    expect(rows[0]).toEqual({
      buildType: "SCHEDULED",
      action: "pipeline.scheduled-run",
    });
  });

  await test.step("disable stops the schedule; a manual run is cancelled", async () => {
    await page.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByTestId("pipeline-status")).toHaveText("DISABLED");
    await expect(page.getByRole("button", { name: "Run now" })).toBeDisabled();
    await page.getByRole("button", { name: "Enable" }).click();
    await expect(page.getByTestId("pipeline-status")).toHaveText("ENABLED");

    await page.getByRole("button", { name: "Run now" }).click();
    const manual = history
      .locator("tbody tr")
      .filter({ has: page.getByTestId("run-type").getByText("manual") })
      .first();
    await manual.getByRole("button", { name: "Cancel" }).click({ timeout: 5_000 });
    await manual.getByRole("button", { name: "Yes, cancel" }).click();
    await expect(manual.getByTestId("run-outcome")).toContainText("CANCELLED", {
      timeout: 30_000,
    });
    await expect(manual.getByRole("button", { name: "Retry" })).toBeVisible();
  });

  await test.step("the database has the cancelled run and its audit", async () => {
    const rows = await query<{ status: string; action: string }>(
      `SELECT i.status, a.action FROM "Image" i
       JOIN "Pipeline" p ON p.id = i."pipelineId"
       JOIN "AuditEntry" a ON a."entityId" = i.id
       WHERE p.name = $1 AND a.action = 'pipeline.cancel'`,
      [name],
    );
    expect(rows).toEqual([{ status: "CANCELLED", action: "pipeline.cancel" }]);
    const toggles = await query<{ action: string }>(
      `SELECT a.action FROM "AuditEntry" a JOIN "Pipeline" p ON p.id = a."entityId"
       WHERE p.name = $1 ORDER BY a.at`,
      [name],
    );
    expect(toggles.map((t) => t.action)).toEqual([
      "pipeline.create",
      "pipeline.disable",
      "pipeline.enable",
    ]);
  });
});
