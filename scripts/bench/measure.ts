import pg from "pg";

export interface Stats {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

export const DEFAULT_RUNS: MeasureOptions = { warmup: 5, runs: 30 };

/**
 * Times each function `runs` times after `warmup` untimed calls. The
 * functions take turns on every iteration, so a burst of load from other
 * processes on the machine hits all of them alike.
 */
export async function measureSideBySide(
  fns: (() => Promise<unknown>)[],
  options: MeasureOptions = DEFAULT_RUNS,
): Promise<Stats[]> {
  for (let i = 0; i < options.warmup; i += 1) {
    for (const fn of fns) await fn();
  }

  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < options.runs; i += 1) {
    for (const [index, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      samples[index].push(performance.now() - started);
    }
  }

  return samples.map(stats);
}

/** Wall time of one call, in milliseconds. */
export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();

  return performance.now() - started;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;

  return {
    runs: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(mean),
    min: round(sorted[0]),
  };
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;

  return Math.round(value * scale) / scale;
}

/**
 * Runs `fn` under the V8 CPU profiler when BENCH_CPU_PROFILE names a file
 * (open it in Chrome DevTools), else just runs it.
 */
export async function profiled<T>(
  label: string,
  fn: () => Promise<T>,
): Promise<T> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return fn();

  const { Session } = await import("node:inspector/promises");
  const { writeFile } = await import("node:fs/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(`${file}.${label}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements `fn` sent through the pg driver (which the portal's
 * Prisma adapter uses too): the round trips of a portal function.
 */
export async function statementsDuring(
  fn: () => Promise<unknown>,
): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const original = proto.query;
  const sent: Statement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const config =
      typeof first === "string"
        ? { text: first, values: second }
        : (first as pg.QueryConfig);
    sent.push({
      text: String(config?.text ?? ""),
      values: Array.isArray(config?.values) ? config.values : [],
    });

    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }

  return sent;
}
