/**
 * Compares two decimal strings exactly (-1, 0 or 1) without building Decimals: sign, then the number of integer
 * digits, then digit by digit. Leading zeros, trailing fraction zeros, `+`, `-0` and surrounding blanks are read
 * as a person means them (`"007.50"` equals `"7.5"`). Both strings must match `DECIMAL_TEXT` (see toNumeric);
 * this is the hot path of a number condition on a text fact, such as an amount read from CSV.
 *
 * @example
 * ```ts
 * compareDecimalText("10000000000000000.01", "10000000000000000"); // 1
 * compareDecimalText("1000.50", "1000.5");                         // 0
 * compareDecimalText("10", "9");                                   // 1 (as text "10" < "9")
 * ```
 */
export function compareDecimalText(a: string, b: string): number {
  const x = scan(a);
  const y = scan(b);
  if (x.sign !== y.sign) return x.sign < y.sign ? -1 : 1;
  if (x.sign === 0) return 0;
  return x.sign * compareMagnitude(a, x, b, y);
}

interface Scan {
  /** -1, 0 (the value is zero) or 1. */
  sign: number;
  /** First significant integer digit (leading zeros skipped). */
  intStart: number;
  /** End of the integer digits. */
  intEnd: number;
  /** First fraction digit (after the point), or intEnd when there is no point. */
  fracStart: number;
  /** End of the fraction digits, trailing zeros excluded. */
  fracEnd: number;
}

const ZERO = 48;
const NINE = 57;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function scan(text: string): Scan {
  let i = 0;
  while (
    i < text.length &&
    !isDigit(text.charCodeAt(i)) &&
    text[i] !== "." &&
    text[i] !== "-" &&
    text[i] !== "+"
  )
    i++;
  let negative = false;
  if (text[i] === "-" || text[i] === "+") negative = text[i++] === "-";
  while (text.charCodeAt(i) === ZERO) i++;
  const intStart = i;
  while (isDigit(text.charCodeAt(i))) i++;
  const intEnd = i;
  let fracStart = intEnd;
  let fracEnd = intEnd;
  if (text[i] === ".") {
    fracStart = ++i;
    while (isDigit(text.charCodeAt(i))) i++;
    fracEnd = i;
    while (fracEnd > fracStart && text.charCodeAt(fracEnd - 1) === ZERO) fracEnd--;
  }
  const zero = intEnd === intStart && fracEnd === fracStart;
  return { sign: zero ? 0 : negative ? -1 : 1, intStart, intEnd, fracStart, fracEnd };
}

function compareMagnitude(a: string, x: Scan, b: string, y: Scan): number {
  const xInt = x.intEnd - x.intStart;
  const yInt = y.intEnd - y.intStart;
  if (xInt !== yInt) return xInt < yInt ? -1 : 1;
  for (let k = 0; k < xInt; k++) {
    const d = a.charCodeAt(x.intStart + k) - b.charCodeAt(y.intStart + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const xFrac = x.fracEnd - x.fracStart;
  const yFrac = y.fracEnd - y.fracStart;
  const common = Math.min(xFrac, yFrac);
  for (let k = 0; k < common; k++) {
    const d = a.charCodeAt(x.fracStart + k) - b.charCodeAt(y.fracStart + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  // Trailing zeros were trimmed, so the longer fraction has a non-zero digit left and is larger.
  return xFrac === yFrac ? 0 : xFrac < yFrac ? -1 : 1;
}
