export { Decimal, ONE, ZERO } from "./decimal.js";
export { formatMoney, type Rounding, type RoundingMode, roundMoney } from "./roundMoney.js";
export { type DecimalInput, toDecimal, tryDecimal } from "./toDecimal.js";
