export { componentTarget } from "./componentTarget.js";
export { loadPlan } from "./loadPlan.js";
export { type ParsePlanOptions, parsePlan } from "./parsePlan.js";
export { pathLocator } from "./pathLocator.js";
export { type PathIssue, planIssues } from "./planIssues.js";
export { planJsonSchema } from "./planJsonSchema.js";
export { type Position, positionOf } from "./positions.js";
export * from "./schema/index.js";
