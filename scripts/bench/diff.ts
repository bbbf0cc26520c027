import type pg from "pg";

import { DIFF_SIDES } from "./sql";

export interface DiffRow {
  cve: string;
  package: string | null;
  change: "new" | "fixed" | "carried";
  fromVersion: string | null;
  toVersion: string | null;
}

interface Side {
  imageId: string;
  vulnerabilityId: string;
  packageName: string | null;
  installedVersion: string | null;
}

/**
 * The reference diff, computed in memory from both images' active package
 * findings: what any diffImages implementation must return.
 */
export async function referenceDiff(
  pool: pg.Pool,
  from: string,
  to: string,
): Promise<DiffRow[]> {
  const { rows } = await pool.query<Side>(DIFF_SIDES, [[from, to]]);
  const key = (row: Side) => `${row.vulnerabilityId}|${row.packageName}`;
  const before = new Map<string, Side>();
  const after = new Map<string, Side>();
  for (const row of rows) {
    (row.imageId === from ? before : after).set(key(row), row);
  }

  const diff: DiffRow[] = [];
  for (const [k, row] of after) {
    const old = before.get(k);
    diff.push({
      cve: row.vulnerabilityId,
      package: row.packageName,
      change: old ? "carried" : "new",
      fromVersion: old?.installedVersion ?? null,
      toVersion: row.installedVersion,
    });
  }
  for (const [k, row] of before) {
    if (after.has(k)) continue;
    diff.push({
      cve: row.vulnerabilityId,
      package: row.packageName,
      change: "fixed",
      fromVersion: row.installedVersion,
      toVersion: null,
    });
  }

  return diff;
}

/** Order-free identity of a diff, to compare two implementations. */
export function diffKeys(rows: DiffRow[]): string[] {
  return rows
    .map((r) =>
      [r.cve, r.package, r.change, r.fromVersion, r.toVersion].join("|"),
    )
    .sort();
}
