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
  const head = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify(
    rows.map((r) => head.map((k) => cell((r as Record<string, unknown>)[k]))),
    { header: true, columns: [...head] },
  );
}

/** Any value as JSON with a trailing newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
