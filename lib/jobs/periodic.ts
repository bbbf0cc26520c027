import "server-only";

import type { Logger } from "../logger";

declare global {
  var __portalPeriodicJobs: Map<string, NodeJS.Timeout> | undefined;
}

/**
 * Runs `pass` every `seconds` (0: never) in this process, one pass at a
 * time; a pass still running when the next is due makes it skip. Started
 * once per name, however often it is called.
 */
export function startPeriodic(
  name: string,
  seconds: number,
  pass: () => Promise<unknown>,
  log: Logger,
): void {
  const jobs = (globalThis.__portalPeriodicJobs ??= new Map());
  if (seconds === 0 || jobs.has(name)) return;

  let running = false;
  const timer = setInterval(() => {
    if (running) return;

    running = true;
    pass()
      .catch((error: unknown) => log.error({ err: error }, "pass failed"))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  jobs.set(name, timer);
}
