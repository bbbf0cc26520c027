import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { dbTarget } from "./db-target";

type Factory = PrismaPGlite | PrismaPg;
type SqlAdapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;

/**
 * The adapter the app's PrismaClient uses, on `pool` when given (the
 * driver pool of a PostgreSQL target, see runtimePool). Opens nothing
 * until queried.
 */
export function createRuntimeAdapter(pool = runtimePool()): Factory {
  if (pool) return new PrismaPg(pool, { disposeExternalPool: true });

  const target = dbTarget();

  return new PrismaPGlite(
    openPglite(target.kind === "pglite" ? target.dataDir : undefined),
  );
}

/** A pg pool for a PostgreSQL target; PGlite has none. */
export function runtimePool(): pg.Pool | null {
  const target = dbTarget();

  return target.kind === "postgres"
    ? new pg.Pool({ connectionString: target.url })
    : null;
}

/**
 * The adapter factory for Prisma's migration CLI, with the workarounds
 * Prisma 6.19 needs for both drivers (see stack notes P7 and P8).
 */
export function createMigrationAdapter(): Factory {
  const target = dbTarget();
  if (target.kind === "postgres") return new MigratingPg(target.url);

  return pgliteForMigrations(openPglite(target.dataDir));
}

// LIMITATION: PGlite writes its data folder when the process exits
// normally (Ctrl-C and SIGTERM are fine); a hard kill (SIGKILL, power loss)
// can lose the writes since the last clean exit. Set DATABASE_URL to a
// PostgreSQL server for anything beyond a single-user trial.
function openPglite(dataDir: string | undefined): PGlite {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });

  return new PGlite(dataDir);
}

// pglite-prisma-adapter 0.6 runs no-argument executeRaw as a prepared
// statement (multi-statement migrations fail) and does not await exec.
function pgliteForMigrations(db: PGlite): PrismaPGlite {
  const base = new PrismaPGlite(db);
  // The CLI never disposes its adapter; an unclosed data dir cannot be
  // opened again, so close it when the process is about to exit.
  process.once("beforeExit", () => void db.close());

  return Object.assign(Object.create(base) as PrismaPGlite, {
    connect: async () => execFixed(await base.connect(), db),
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      const adapter = await new PrismaPGlite(shadow).connect();

      return execFixed(adapter, shadow, () => shadow.close());
    },
  });
}

function execFixed(
  adapter: SqlAdapter,
  db: PGlite,
  onDispose?: () => Promise<void>,
): SqlAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "executeScript") {
        return async (sql: string) => {
          await db.exec(sql);
        };
      }
      if (prop === "executeRaw") {
        return async (query: { sql: string; args: unknown[] }) => {
          if (query.args.length > 0) return target.executeRaw(query as never);

          await db.exec(query.sql);
          return 0;
        };
      }
      if (prop === "dispose" && onDispose) {
        return async () => {
          await target.dispose();
          await onDispose();
        };
      }

      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

// @prisma/adapter-pg cannot read the catalog's `name`/`char` columns
// (prisma/orm#27403): report them as text. Shadow databases are made with
// explicit connection fields because a connectionString overrides them.
class MigratingPg extends PrismaPg {
  private readonly url: string;

  constructor(url: string) {
    super(textCatalogPool(poolConfig(url)), { disposeExternalPool: true });
    this.url = url;
  }

  override async connectToShadowDb() {
    const name = `prisma_shadow_${Date.now()}`;
    const admin = new pg.Client(poolConfig(this.url));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    const shadow = new PrismaPg(
      textCatalogPool({ ...poolConfig(this.url), database: name }),
      { disposeExternalPool: true },
    );
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);

    return Object.assign(adapter, {
      dispose: async () => {
        await dispose();
        const cleanup = new pg.Client(poolConfig(this.url));
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE "${name}" WITH (FORCE)`);
        await cleanup.end();
      },
    });
  }
}

function poolConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);

  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    allowExitOnIdle: true,
  };
}

function textCatalogPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;

  const patched = async (...args: unknown[]) => {
    const result = (await query(...args)) as pg.QueryResult;
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) {
        field.dataTypeID = 25;
      }
    }
    return result;
  };
  (pool as unknown as { query: typeof patched }).query = patched;

  return pool;
}
