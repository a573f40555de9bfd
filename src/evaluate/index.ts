export { type AttainmentAsOfRow, attainmentAsOf } from "./attainmentAsOf.js";
export {
  type CompiledComponent,
  type CompiledMeasure,
  type CompiledPlan,
  compilePlan,
} from "./compilePlan.js";
export { type EvaluateOptions, evaluate } from "./evaluate.js";
export { type PlanTestResult, testPlan } from "./testPlan.js";
