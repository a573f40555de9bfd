import { Decimal } from "../money/index.js";
import { findJsonError } from "./findJsonError.js";

// Any number token with 16+ digits (or dots) in a row, or an exponent, might not survive as a JS number. Only
// texts that contain one pay for the token-by-token pass below.
const MAYBE_INEXACT = /[\d.]{16}|\d[eE]/;
// A whole string (skipped: its digits are text) or a number token. On valid JSON the scan never starts inside
// a string, because each string is consumed from its opening quote.
const TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** The result of {@link parseJsonExact}: the value, or where and why the text is not JSON. */
export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; offset: number; line: number; column: number; message: string };

/**
 * `JSON.parse`, except that a number a JS number cannot hold exactly is kept as its decimal text.
 *
 * `{"amount": 12345678901234567890.12}` would otherwise become 12345678901234567000 without a word: a silent
 * change of a payout. Kept as the string `"12345678901234567890.12"`, it is parsed exactly later, like an amount
 * in a CSV. Numbers that do survive (`1000.50`, `0.1`, `24`, `1e3`) stay numbers. On a syntax error, returns the
 * 1-based line and column and what was expected there.
 *
 * @example
 * ```ts
 * parseJsonExact('{"amount": 12345678901234567890.12, "n": 24}');
 * // { ok: true, value: { amount: "12345678901234567890.12", n: 24 } }
 * ```
 */
export function parseJsonExact(text: string): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = findJsonError(text);
    const offset = at?.offset ?? text.length;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const found = offset >= text.length ? "the end of the text" : JSON.stringify(text[offset]);
    const message = at
      ? `invalid JSON: expected ${at.expected}, found ${found}`
      : `invalid JSON: ${(e as Error).message}`;
    return { ok: false, offset, line, column, message };
  }
  if (!MAYBE_INEXACT.test(text)) return { ok: true, value };
  let changed = false;
  const exact = text.replace(TOKEN, (token) => {
    if (token.startsWith('"') || survivesAsNumber(token)) return token;
    changed = true;
    return `"${token}"`;
  });
  return { ok: true, value: changed ? JSON.parse(exact) : value };
}

function survivesAsNumber(token: string): boolean {
  // Up to 15 significant digits always survive a trip through a double (far from the subnormal range, hence the
  // length bound); most tokens stop here.
  if (
    token.length <= 24 &&
    !/[eE]/.test(token) &&
    token.replace(/[-.]/g, "").replace(/^0+/, "").length <= 15
  ) {
    return true;
  }
  const n = Number(token);
  return Number.isFinite(n) && new Decimal(String(n)).equals(new Decimal(token));
}
