export { bySeverity, checkPlan, formatFindings } from "./checkPlan.js";
export type { CheckOptions, Finding, Severity } from "./types.js";
