import { expect, type Page } from "@playwright/test";

import { query } from "../support/db";
import { signInAs } from "../support/ui";

export async function switchUser(page: Page, name: string): Promise<void> {
  await page.context().clearCookies();
  await signInAs(page, name);
}

/** Replaces the CodeMirror document as one input event (no auto-indent). */
export async function setDocument(page: Page, text: string): Promise<void> {
  const editor = page.getByRole("textbox", {
    name: "Component document (YAML)",
  });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  await expect(editor).toContainText(text.split("\n")[0]);
}

export function linuxDocument(step: string, echo = "hello"): string {
  return [
    "name: E2eTools",
    "description: Installs tools for the e2e journey",
    "schemaVersion: 1.0",
    "phases:",
    "  - name: build",
    "    steps:",
    `      - name: ${step}`,
    "        action: ExecuteBash",
    "        inputs:",
    "          commands:",
    `            - echo "${echo}"`,
    "",
  ].join("\n");
}

export async function versionRow(name: string, version: string) {
  const rows = await query<{
    id: string;
    status: string;
    arn: string | null;
    reviewComment: string | null;
    author: string | null;
    reviewer: string | null;
  }>(
    `SELECT v.id, v.status, v.arn, v."reviewComment",
            a.email AS author, r.email AS reviewer
       FROM "ComponentVersion" v
       JOIN "Component" c ON c.id = v."componentId"
       LEFT JOIN "User" a ON a.id = v."createdById"
       LEFT JOIN "User" r ON r.id = v."reviewedById"
      WHERE c.name = $1 AND v.version = $2`,
    [name, version],
  );

  return rows[0];
}

export async function transitions(versionId: string) {
  const rows = await query<{ action: string; details: Record<string, string> }>(
    `SELECT action, details FROM "AuditEntry"
      WHERE "entityId" = $1 ORDER BY at`,
    [versionId],
  );

  return rows.map((row) => `${row.details.from ?? "new"}→${row.details.to}`);
}
