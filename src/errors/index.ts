export { CompplanError } from "./CompplanError.js";
export { InputError, type RecordIssue } from "./InputError.js";
export { formatIssue, formatPath, PlanError, type PlanIssue } from "./PlanError.js";
