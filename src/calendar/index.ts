export {
  type DateRange,
  daysInclusive,
  type IsoDate,
  inRange,
  overlapDays,
  plusDays,
  plusMonths,
  tryDate,
} from "./dates.js";
export {
  type PayPeriodKind,
  type Period,
  payPeriodsIn,
  periodsOfYear,
  periodsPerYear,
  planYear,
  tryPeriod,
} from "./periods.js";
