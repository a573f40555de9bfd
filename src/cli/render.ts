import Table from "cli-table3";
import { stringify } from "csv-stringify/sync";

/** Rows of plain values as an aligned terminal table. */
export function renderTable(rows: readonly object[], columns?: readonly string[]): string {
  const head = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const table = new Table({ head: [...head], style: { head: [], border: [] } });
  for (const r of rows) table.push(head.map((k) => cell((r as Record<string, unknown>)[k])));
  return `${table.toString()}\n`;
}

/** Rows as CSV with a header. */
export function renderCsv(rows: readonly object[], columns?: readonly string[]): string {
  return [...csvChunks(rows, columns)].join("");
}

// Rows per chunk of CSV: a payroll file of millions of rows is written in pieces, never as one string.
const CSV_ROWS = 10_000;

/**
 * Rows as CSV with a header, in chunks of {@link CSV_ROWS} rows; joined, the same text as {@link renderCsv}
 * (each record is quoted on its own and ends with a newline, so the pieces simply follow each other).
 */
export function* csvChunks(
  rows: readonly object[],
  columns?: readonly string[],
  perChunk = CSV_ROWS,
): Generator<string> {
  const head = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (let i = 0; i === 0 || i < rows.length; i += perChunk)
    yield stringify(
      rows.slice(i, i + perChunk).map((r) => head.map((k) => cell((r as Record<string, unknown>)[k]))),
      { header: i === 0, columns: [...head] },
    );
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
