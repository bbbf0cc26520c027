import { diffLines } from "diff";

export interface DiffCell {
  line: number;
  text: string;
}

export interface DiffRow {
  kind: "same" | "removed" | "added" | "changed";
  left?: DiffCell;
  right?: DiffCell;
}

/**
 * Side-by-side rows of a line diff: removals and additions that follow each
 * other are paired on one row, so a changed line reads across.
 */
export function sideBySide(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  let removed: DiffCell[] = [];

  const flushRemoved = () => {
    for (const cell of removed) rows.push({ kind: "removed", left: cell });
    removed = [];
  };

  for (const part of diffLines(before, after)) {
    const lines = splitLines(part.value);
    if (part.removed) {
      flushRemoved();
      removed = lines.map((text) => ({ line: left++, text }));
    } else if (part.added) {
      const added = lines.map((text) => ({ line: right++, text }));
      added.forEach((cell, index) => {
        const pair = removed[index];
        rows.push(
          pair
            ? { kind: "changed", left: pair, right: cell }
            : { kind: "added", right: cell },
        );
      });
      removed = removed.slice(added.length);
      flushRemoved();
    } else {
      flushRemoved();
      for (const text of lines) {
        rows.push({
          kind: "same",
          left: { line: left++, text },
          right: { line: right++, text },
        });
      }
    }
  }
  flushRemoved();

  return rows;
}

export function diffStats(rows: DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.kind === "added" || row.kind === "changed") added += 1;
    if (row.kind === "removed" || row.kind === "changed") removed += 1;
  }

  return { added, removed };
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();

  return lines;
}
