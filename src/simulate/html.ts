import { checkElements } from "../errors/checkArgument.js";
/**
 * Rows as an HTML table, for a notebook cell (Deno's `Deno.jupyter.html`, tslab's `display.html`). Columns
 * are the union of the rows' keys in order of appearance unless given; text is escaped.
 *
 * @example
 * ```ts
 * Deno.jupyter.html`${htmlTable(result.summary)}`;
 * ```
 */
export function htmlTable(rows: readonly object[], columns?: readonly string[]): string {
  checkElements("htmlTable", "rows", rows, "object");
  if (columns !== undefined) checkElements("htmlTable", "columns", columns, "text");
  const head = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) =>
    escapeHtml(v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  // Numbers (decimal strings) align right, as in a spreadsheet.
  const align = (v: unknown) =>
    typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v))
      ? ' style="text-align:right"'
      : "";
  const body = rows
    .map((r) => {
      const record = r as Record<string, unknown>;
      return `<tr>${head.map((k) => `<td${align(record[k])}>${cell(record[k])}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return `<table>\n<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
