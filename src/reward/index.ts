export { baseEarnings } from "./base.js";
export { bonusEarnings } from "./bonus.js";
export { commissionEarnings, resolveBands } from "./commission.js";
export { type ComponentKind, type ComponentNeeds, componentKinds } from "./componentKinds.js";
export { type CurveLookup, type CurvePoint, curvePoints, readCurve } from "./curve.js";
export { bound, floorToDate, limitAmount } from "./limits.js";
export { spiffEarnings } from "./spiff.js";
export { bandIndex, type TierBand, type TierMethod, type TierPart, tierEarnings } from "./tierTable.js";
export type { ComponentEarnings, DealEarning, RewardContext } from "./types.js";
