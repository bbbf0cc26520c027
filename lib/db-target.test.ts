import path from "node:path";

import { expect, test } from "vitest";

import { dbTarget } from "./db-target";

test("DATABASE_URL picks PGlite or PostgreSQL", () => {
  expect(dbTarget("")).toEqual({
    kind: "pglite",
    dataDir: path.resolve(".data/pglite"),
  });
  expect(dbTarget("pglite:/tmp/x")).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
  expect(dbTarget("memory:")).toEqual({ kind: "pglite", dataDir: undefined });
  expect(dbTarget("postgres://u@h/db")).toEqual({
    kind: "postgres",
    url: "postgres://u@h/db",
  });
  expect(() => dbTarget("mysql://x")).toThrow(/DATABASE_URL must be/);
});
