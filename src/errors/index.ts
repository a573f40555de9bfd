export { ArgumentError } from "./ArgumentError.js";
export { CompplanError } from "./CompplanError.js";
export { InputError, type RecordIssue } from "./InputError.js";
export { formatIssue, formatPath, PlanError, type PlanIssue } from "./PlanError.js";
