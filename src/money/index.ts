export { Decimal, MAX_DIGITS, ONE, ZERO } from "./decimal.js";
export { formatAmount, formatNumber, formatPercent } from "./formatNumber.js";
export { formatMoney, type Rounding, type RoundingMode, roundMoney } from "./roundMoney.js";
export { type DecimalInput, toDecimal, tryDecimal } from "./toDecimal.js";
