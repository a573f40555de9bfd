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

/** A decimal value of compplan's own {@link Decimal} constructor. */
export type Decimal = InstanceType<typeof Decimal>;

/** The constant zero, shared because decimals are immutable. */
export const ZERO: Decimal = new Decimal(0);
/** The constant one, shared because decimals are immutable. */
export const ONE: Decimal = new Decimal(1);
