// Shared set-up for the emulator's contract tests (not product code).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { ImagebuilderClient } from "@aws-sdk/client-imagebuilder";
import { Inspector2Client } from "@aws-sdk/client-inspector2";

import { createEmulatorHandler, type EmulatorHandler } from "./handler";

export const ACCOUNT = "111122223333";
export const REGION = "us-east-1";
export const STEP_SECONDS = 60;
export const AL2023_AMI = "ami-0f3d2c1b4a5e6d753";
export const WINDOWS_AMI = "ami-0e1f2a3b4c5d6e746";

export interface Harness {
  stateFile: string;
  handler: EmulatorHandler;
  imagebuilder: ImagebuilderClient;
  inspector: Inspector2Client;
  /** Moves the emulator's clock forward. */
  advance: (seconds: number) => void;
  clock: { now: Date };
  reopen: () => Harness;
}

export function harness(stateFile = tempStateFile()): Harness {
  const clock = { now: new Date("2025-06-01T10:00:00.000Z") };

  return build(stateFile, clock);
}

function build(stateFile: string, clock: { now: Date }): Harness {
  const handler = createEmulatorHandler({
    stateFile,
    region: REGION,
    accountId: ACCOUNT,
    stepSeconds: STEP_SECONDS,
    now: () => clock.now,
  });
  const config = {
    region: REGION,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    requestHandler: handler,
    maxAttempts: 1,
  };

  return {
    stateFile,
    handler,
    imagebuilder: new ImagebuilderClient(config),
    inspector: new Inspector2Client(config),
    clock,
    advance: (seconds) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
    reopen: () => build(stateFile, clock),
  };
}

export function tempStateFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-"));

  return path.join(dir, "nested", "state.json");
}

export function bashDocument(
  steps: { phase: string; name: string; command: string }[],
  extra = "",
): string {
  const phases = [...new Set(steps.map((step) => step.phase))];
  const body = phases
    .map((phase) => {
      const phaseSteps = steps
        .filter((step) => step.phase === phase)
        .map(
          (step) =>
            `      - name: ${step.name}\n        action: ExecuteBash\n` +
            `        inputs:\n          commands:\n` +
            `            - ${JSON.stringify(step.command)}\n`,
        )
        .join("");

      return `  - name: ${phase}\n    steps:\n${phaseSteps}`;
    })
    .join("");

  return `schemaVersion: 1.0\n${extra}phases:\n${body}`;
}
