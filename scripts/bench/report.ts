import fs from "node:fs";
import path from "node:path";

import type { IngestResult } from "./ingest";
import { round, type Stats } from "./measure";

export interface CaseResult {
  name: string;
  portal: string;
  portalStats: Stats;
  sqlStats: Stats;
  /** portal p50 / SQL p50 (and the same at p95). */
  ratio: number;
  ratioP95: number;
  /** Statements the portal function sent for one call (SQL side: 1). */
  portalQueries: number;
  /** Those statements, shortened, for EXPLAIN by hand. */
  portalSql: string[];
  /** EXPLAIN ANALYZE of the SQL side: the server's own time. */
  sqlServerMs: number;
  sameRows: boolean;
  target: { maxRatio: number | null; p95Ms: number };
  ok: boolean;
}

export interface DiffResult {
  name: string;
  portal: string;
  sqlStats: Stats;
  referenceStats: Stats;
  rows: number;
  sameAsReference: boolean;
  targetMs: number;
  /** Whether the hand-written SQL alone meets the target. */
  sqlOk: boolean;
}

export interface IngestReport extends IngestResult {
  portalRate: number;
  /** Collection and follow-ups together: all of syncImage's work. */
  syncRate: number;
  fetchRate: number;
  bulkRate: number;
  bulkPerBatchRate: number;
  /** Against the bulk insert in one transaction. */
  ratio: number;
  target: number;
  ok: boolean;
}

export interface BenchReport {
  startedAt: string;
  machine: Record<string, unknown>;
  seed: Record<string, unknown>;
  cases: CaseResult[];
  diff: DiffResult;
  ingest: IngestReport | null;
}

export function ingestReport(result: IngestResult): IngestReport {
  const rate = (ms: number) => round(result.findings / (ms / 1000), 0);
  const portalRate = rate(result.portalMs);
  const bulkRate = rate(result.bulkMs);
  const bulkPerBatchRate = rate(result.bulkPerBatchMs);
  const ratio = round(portalRate / bulkRate, 3);

  return {
    ...result,
    portalMs: round(result.portalMs),
    followUpsMs: round(result.followUpsMs),
    syncRate: rate(result.portalMs + result.followUpsMs),
    fetchMs: round(result.fetchMs),
    bulkMs: round(result.bulkMs),
    bulkPerBatchMs: round(result.bulkPerBatchMs),
    portalCpuMs: round(result.portalCpuMs),
    portalRate,
    bulkPerBatchRate,
    fetchRate: rate(result.fetchMs),
    bulkRate,
    ratio,
    target: 0.5,
    ok: ratio >= 0.5,
  };
}

/** The table on stdout and the JSON beside it. */
export function writeReport(report: BenchReport, file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  const lines = [
    "",
    pad(["case", "portal p50/p95 ms", "SQL p50/p95 ms", "ratio", "stmts",
      "rows", "target"]),
    "-".repeat(120),
    ...report.cases.map((c) =>
      pad([
        c.name,
        `${c.portalStats.p50} / ${c.portalStats.p95}`,
        `${c.sqlStats.p50} / ${c.sqlStats.p95}`,
        `${c.ratio}x`,
        String(c.portalQueries),
        c.sameRows ? "same" : "DIFFER",
        verdict(c.ok, targetText(c.target)),
      ]),
    ),
    "",
    `version diff: hand-written SQL ${report.diff.sqlStats.p50} / ` +
      `${report.diff.sqlStats.p95} ms, ` +
      `${report.diff.sameAsReference ? "same as" : "DIFFERS from"} ` +
      `the in-memory reference (${report.diff.rows} rows)`,
    "",
    report.ingest ? ingestLine(report.ingest) : "ingest: not run",
    "",
    `Full figures: ${file}`,
  ];

  return lines.join("\n");
}

function ingestLine(ingest: IngestReport): string {
  return [
    `ingest: ${ingest.findings} findings of ${ingest.images} images, ` +
      `${ingest.batchSize} per reconciler pass (medians of ` +
      `${ingest.rounds} rounds)`,
    `  portal collect   ${ingest.portalRate}/s ` +
      `(${ingest.portalMs} ms; ListFindings alone, cold ` +
      `${ingest.fetchRate}/s)`,
    `  + follow-ups     ${ingest.syncRate}/s ` +
      `(archive + digest ${ingest.followUpsMs} ms)`,
    `  (Node CPU ${ingest.portalCpuMs} ms, ` +
      `${ingest.portalStatements} SQL statements)`,
    `  bulk INSERT      ${ingest.bulkRate}/s (${ingest.bulkMs} ms, ` +
      `one transaction)`,
    `  bulk per batch   ${ingest.bulkPerBatchRate}/s ` +
      `(${ingest.bulkPerBatchMs} ms, one transaction per pass)`,
    `  ratio ${ingest.ratio} ` +
      verdict(ingest.ok, `≥${ingest.target} of the bulk INSERT rate`),
  ].join("\n");
}

function targetText(target: CaseResult["target"]): string {
  const time = `p95 ≤${target.p95Ms} ms`;

  return target.maxRatio === null ? time : `≤${target.maxRatio}x, ${time}`;
}

function verdict(ok: boolean, target: string): string {
  return `${ok ? "OK" : "MISSED"} (${target})`;
}

const WIDTHS = [52, 18, 16, 7, 6, 7];

function pad(cells: string[]): string {
  return cells
    .map((cell, i) => (i < WIDTHS.length ? cell.padEnd(WIDTHS[i]) : cell))
    .join(" ");
}
