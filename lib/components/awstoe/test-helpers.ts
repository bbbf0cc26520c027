import { readFileSync } from "node:fs";
import path from "node:path";

import type { ComponentPlatform, ValidationResult } from "./types";
import { validateComponentDocument } from "./validate";

export function fixture(name: string): string {
  return readFileSync(
    path.join(import.meta.dirname, "fixtures", `${name}.yaml`),
    "utf8",
  );
}

export function validate(
  text: string,
  platform: ComponentPlatform = "Linux",
  region?: string,
): ValidationResult {
  return validateComponentDocument(text, { platform, region });
}

export function errorsOf(result: ValidationResult) {
  return result.issues.filter((issue) => issue.severity === "error");
}

export function warningsOf(result: ValidationResult) {
  return result.issues.filter((issue) => issue.severity === "warning");
}

/** A one-phase Linux document whose step body starts on line 6. */
export function buildDoc(...stepLines: string[]): string {
  return [
    "name: Probe",
    "schemaVersion: 1.0",
    "phases:",
    "  - name: build",
    "    steps:",
    ...stepLines,
    "",
  ].join("\n");
}
