export * from "./components.js";
export { ConditionSchema } from "./condition.js";
export { type Limit, LimitSchema } from "./limit.js";
export { type Measure, MeasureSchema, MultiplierSchema } from "./measure.js";
export { type Plan, type PlanInput, PlanSchema } from "./plan.js";
export { type PlanTest, PlanTestSchema } from "./planTest.js";
export { DateSchema, decimalSchema, FieldSchema, IdSchema } from "./primitives.js";
