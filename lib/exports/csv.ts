import { stringify } from "csv-stringify/sync";

// One CSV writer for every export and archived report (RFC 4180, CRLF).

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** Spreadsheets run cells starting with = + - @ as formulas. */
function defuse(value: unknown): unknown {
  if (typeof value === "string" && /^[=+\-@]/.test(value)) return `'${value}`;

  return value ?? "";
}

export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => defuse(column.value(row)))),
    {
      header: true,
      columns: columns.map((column) => column.header),
      record_delimiter: "windows",
      cast: { boolean: (value) => String(value) },
    },
  );
}
