import DecimalJs from "decimal.js";

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
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

/** A decimal value of compplan's own {@link Decimal} constructor. */
export type Decimal = InstanceType<typeof Decimal>;

/** The constant zero, shared because decimals are immutable. */
export const ZERO: Decimal = new Decimal(0);
/** The constant one, shared because decimals are immutable. */
export const ONE: Decimal = new Decimal(1);
