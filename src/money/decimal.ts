// The named export, not the default one: decimal.js's typings are a CommonJS module (no "type": "module"), so under
// moduleResolution node16/nodenext an ESM consumer of our .d.ts would see the default import as the whole module
// object (TS2351 on `new Decimal()`, TS2344 on `InstanceType`). `{ Decimal }` is the class in every mode, at run
// time too (decimal.mjs exports it by name; the CommonJS build sets `Decimal.Decimal`). test/package/types.test.ts
import { Decimal as DecimalJs } from "decimal.js";

/**
 * compplan's own decimal constructor: an isolated `Decimal.clone` so that nothing another library (or the
 * host application) does to decimal.js's global configuration can change a payout, and so that our settings
 * never leak out.
 *
 * Precision is 60 significant digits: decimal.js rounds *every* operation to its precision, and the default of
 * 20 would silently lose cents on amounts above 10^18 cents or on long chains of rates. Rounding to money happens
 * once, at output, with {@link roundMoney}. Exponents are pushed out so `toString()` never yields `1e+21`.
 *
 * @example
 * ```ts
 * import { Decimal } from "compplan";
 * new Decimal("0.1").plus("0.2").toString(); // "0.3"
 * ```
 */
// Typed explicitly so the emitted declaration names the constructor type and not whatever the import resolves to.
export const Decimal: typeof DecimalJs = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

/**
 * The most digits compplan accepts in an amount, rate, share, quota or any other given number: integer digits
 * (leading zeros aside) plus decimals (trailing zeros aside), so `12345678901234567890.12` has 22 and
 * `0.000001` has 6. Longer numbers are refused where they are read: a transaction or participant is rejected
 * with its row and field, a plan number is a plan error at its line and column, a library argument throws.
 *
 * Why 24, for a precision of 60 significant digits (every operation is rounded to 60, see {@link Decimal}):
 * - The floor: the documented inputs need 22 (`"12345678901234567890.12"` to the cent, a rate written as
 *   `0.1000000000000000000001`, shares from `sharesFromHistory` with 20 decimals); 24 leaves two to spare.
 * - Exact: a product of two inputs has at most 2 × 24 = 48 significant digits, so amount × rate (a deal's
 *   commission, a SPIFF), amount × split share, amount × multiplier, a cap (target × ofTarget) and a band edge
 *   (quota × upTo) are exact. A sum is exact while its digits span at most 60 places: amounts have at most 24
 *   integer digits and 24 decimals, so any sum of up to 10^7 of them (credits per period, year to date) spans
 *   at most 24 + 24 + 7 = 55. Such a sum × a rate is exact when the amounts carry at most six decimals (the
 *   fast path, and any amount in cents): a sum of up to a million of them, in millionths, is an integer of at
 *   most 30 + 6 = 36 digits, and × a rate of 24 digits at most 60. Settlement adds and subtracts
 *   amounts already rounded to the plan's scale.
 * - Rounded, and bounded: a chain of three or four given numbers (amount × split share × multiplier × rate,
 *   up to 96 digits) and every division (the base commission rate = target ÷ quota, attainment = value ÷
 *   quota, curve interpolation, proration by days) cannot be exact in 60 digits. Each such step is rounded
 *   half-up to 60 significant digits, a relative error below 5 × 10^-60: on values below 10^24, less than
 *   10^-35 a step, less than 10^-28 after ten million steps. That changes the cent only when the exact value
 *   lies that close to a rounding boundary (a half cent; a whole cent in `down` / `up` mode), which takes a
 *   division that does not terminate (1/3, 1/12) followed by a product that lands the exact value on the
 *   boundary. A bigger limit would not help there, and a smaller one would refuse documented inputs.
 *
 * @example
 * ```ts
 * import { MAX_DIGITS, tryDecimal } from "compplan";
 * MAX_DIGITS; // 24
 * tryDecimal("1".repeat(25)).ok; // false
 * ```
 */
export const MAX_DIGITS = 24;

/** A decimal value of compplan's own {@link Decimal} constructor. */
export type Decimal = InstanceType<typeof Decimal>;

/** The constant zero, shared because decimals are immutable. */
export const ZERO: Decimal = new Decimal(0);
/** The constant one, shared because decimals are immutable. */
export const ONE: Decimal = new Decimal(1);
