import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

import lockfile from "proper-lockfile";

import type { EmulatorState } from "./state-types";

export function emptyState(): EmulatorState {
  return {
    schemaVersion: 1,
    components: [],
    recipes: [],
    infrastructureConfigurations: [],
    distributionConfigurations: [],
    pipelines: [],
    images: [],
    tags: {},
    imageBuildCounters: {},
    idempotency: {},
    reports: [],
    eventCursors: {},
  };
}

/**
 * The emulator's whole state as one JSON file. Reads reuse the cached copy
 * unless the file changed on disk; writes go through one in-process mutex
 * plus a lock file (other processes, e.g. a script beside the server),
 * re-read the file under the lock and replace it atomically (temp file +
 * rename), so a crash never leaves half a file.
 */
export class StateStore {
  private cached: EmulatorState | undefined;
  private cachedStamp = "";
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async read(): Promise<EmulatorState> {
    const stamp = await this.stamp();
    if (this.cached && stamp === this.cachedStamp) return this.cached;

    this.cached = await this.load();
    this.cachedStamp = stamp;

    return this.cached;
  }

  /**
   * Runs `mutate` on a copy of the state under the mutex; the copy replaces
   * the state (in memory and on disk) only if `mutate` returns normally.
   */
  mutate<T>(mutate: (state: EmulatorState) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const release = await this.lock();
      try {
        const draft = structuredClone(await this.read());
        const result = mutate(draft);
        await this.write(draft);

        return result;
      } finally {
        await release();
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);

    return next;
  }

  private async lock(): Promise<() => Promise<void>> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });

    return lockfile.lock(this.file, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 200, minTimeout: 5, maxTimeout: 50 },
    });
  }

  private async load(): Promise<EmulatorState> {
    try {
      const text = await fs.readFile(this.file, "utf8");

      return { ...emptyState(), ...(JSON.parse(text) as EmulatorState) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return emptyState();
      }
      throw error;
    }
  }

  private async write(state: EmulatorState): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(temp, JSON.stringify(state, null, 2));
    await fs.rename(temp, this.file);

    this.cached = state;
    this.cachedStamp = await this.stamp();
  }

  private async stamp(): Promise<string> {
    try {
      const info = await fs.stat(this.file);

      return `${info.mtimeMs}:${info.size}:${info.ino}`;
    } catch {
      return "missing";
    }
  }
}
