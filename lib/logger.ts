import "server-only";

import pino from "pino";

import { env } from "./env";

// One process-wide logger; callers take child loggers with their context.
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { app: "golden-ami-portal" },
  redact: {
    paths: [
      "*.password",
      "*.secret",
      "*.token",
      "*.clientSecret",
      "*.document",
      "*.data",
    ],
    censor: "[redacted]",
  },
});

export type Logger = pino.Logger;
