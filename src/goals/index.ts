export {
  ALLOCATION_INFEASIBLE,
  ALLOCATION_INVALID,
  type AllocateQuotaOptions,
  type Allocation,
  type AllocationRow,
  type AllocationWeight,
  allocateQuota,
} from "./allocateQuota.js";
export type { AmountsById } from "./amountsById.js";
export { INVALID_ARGUMENT } from "./args.js";
export { attainment } from "./attainment.js";
export {
  type AttainmentBasis,
  type AttainmentLine,
  type AttainmentPeriodInput,
  type AttainmentReport,
  type AttainmentReportOptions,
  type AttainmentRow,
  type AttainmentScope,
  attainmentReport,
  attainmentReportRows,
} from "./attainmentReport.js";
export {
  type Distribution,
  type DistributionRow,
  distribution,
  distributionRow,
  quantile,
} from "./distribution.js";
export { type EmployedSegments, type EmploymentOptions, employedSegments } from "./employedSegments.js";
export {
  buildHierarchy,
  HIERARCHY_INVALID,
  type Hierarchy,
  HierarchyError,
  type HierarchyMember,
  managersOf,
  reportsOf,
  UNKNOWN_PARTICIPANT,
} from "./hierarchy.js";
export {
  managerQuota,
  QUOTA_MISSING,
  type QuotaSource,
  type TeamQuota,
  type TeamQuotaOptions,
  teamQuotas,
} from "./managerQuota.js";
export { type PaceGap, type PaceOptions, type PaceResult, pace } from "./pace.js";
export { type PeriodQuotaOptions, type PeriodQuotaResult, periodQuota } from "./periodQuota.js";
export { type Proration, prorate, prorationFactor } from "./prorate.js";
export { type QuotaSchedule, quotaSchedule } from "./quotaSchedule.js";
export {
  describeRampParts,
  RAMP_INVALID,
  type RampOptions,
  type RampPart,
  type RampResult,
  rampQuota,
} from "./rampQuota.js";
export { checkShares, SHARES_INVALID, seasonalize } from "./seasonalize.js";
export { type SharesFromHistoryOptions, sharesFromHistory } from "./sharesFromHistory.js";
export { type TargetSchedule, targetSchedule } from "./targetSchedule.js";
export {
  type TeamRollupOptions,
  type TeamRow,
  type TeamRowStrings,
  teamRollup,
  teamRollupRows,
} from "./teamRollup.js";
