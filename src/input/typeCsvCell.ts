// A plain decimal as a person writes it: optional minus, no leading zeros, no exponent, no "+", no ".5".
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MAX_NUMBER_TEXT = 32;

/**
 * Types one non-empty CSV cell, so a condition sees the same value from a CSV as from JSON or YAML.
 *
 * - A plain decimal that a JS number holds *as written* becomes a number: `24` → 24, `0.5` → 0.5, so
 *   `termMonths: 24` in a plan's condition matches the cell `24`.
 * - `true` / `false` (any case: spreadsheets write `TRUE`) become booleans.
 * - Everything else stays text. The round-trip test keeps exact amounts and ids as written: `1000.50` (a number
 *   would print `1000.5`), `00123` (an id whose zeros matter), `12345678901234567890` (beyond 2^53) and `1e3`
 *   all stay strings, and amounts are parsed exactly later by `tryDecimal`.
 *
 * Quoting does not change the typing: spreadsheet programs quote cells for their own reasons, not as a type.
 *
 * @example
 * ```ts
 * typeCsvCell("24"); // 24
 * typeCsvCell("1000.50"); // "1000.50"
 * typeCsvCell("00123"); // "00123"
 * typeCsvCell("TRUE"); // true
 * ```
 */
export function typeCsvCell(cell: string): string | number | boolean {
  // A plain number starts with a digit or a minus, and true / false have four or five letters: other cells are
  // text, told apart without a regular expression or a lower-cased copy (a million-row file has ten million cells).
  const first = cell.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45) {
    // A double written without an exponent has at most 21 integer digits or 6 + 17 decimals: a longer cell
    // cannot round-trip, and is not read as a number (a 20 MB cell is not scanned).
    if (cell.length > MAX_NUMBER_TEXT || !PLAIN_NUMBER.test(cell)) return cell;
    const n = Number(cell);
    return String(n) === cell ? n : cell;
  }
  if (cell.length !== 4 && cell.length !== 5) return cell;
  const lower = cell.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return cell;
}
