import path from "node:path";

export type DbTarget =
  | { kind: "pglite"; dataDir: string | undefined }
  | { kind: "postgres"; url: string };

/**
 * Where the database lives, from DATABASE_URL:
 * unset → PGlite in .data/pglite; pglite:<dir> or file:<dir> → PGlite there;
 * memory: → in-memory PGlite; postgres:// → a PostgreSQL server.
 */
export function dbTarget(url = process.env.DATABASE_URL ?? ""): DbTarget {
  if (url === "") {
    return { kind: "pglite", dataDir: path.resolve(".data/pglite") };
  }
  if (url === "memory:") return { kind: "pglite", dataDir: undefined };

  const local = /^(pglite|file):(.+)$/.exec(url);
  if (local) return { kind: "pglite", dataDir: path.resolve(local[2]) };

  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };

  throw new Error(
    `DATABASE_URL must be empty, pglite:<dir>, memory: or postgres://…`,
  );
}
