import {
  validateComponentDocument,
  type ComponentPlatform,
  type DocumentIssue,
  type DocumentSummary,
} from "./awstoe/validate";

/** `Line 6, column 15: …`, the form both the editor and the server use. */
export function describeIssue(issue: DocumentIssue): string {
  return `Line ${issue.line}, column ${issue.column}: ${issue.message}`;
}

export type DocumentCheck =
  | { ok: true; summary: DocumentSummary; warnings: DocumentIssue[] }
  | { ok: false; errors: DocumentIssue[] };

/**
 * The server-side gate for every document the portal stores: the same
 * validator the editor runs live, so the two can never disagree.
 */
export function checkDocument(
  document: string,
  platform: ComponentPlatform,
): DocumentCheck {
  const result = validateComponentDocument(document, { platform });
  const errors = result.issues.filter((i) => i.severity === "error");
  if (!result.ok || !result.summary) return { ok: false, errors };

  const warnings = result.issues.filter((i) => i.severity === "warning");

  return { ok: true, summary: result.summary, warnings };
}

/** Field errors for the form: every error, one per line, in order. */
export function documentFieldErrors(
  errors: DocumentIssue[],
): Record<string, string> {
  return { document: errors.map(describeIssue).join("\n") };
}
