export { explain } from "./explain.js";
export type {
  Accounting,
  AttainmentFigures,
  DealLine,
  EvaluationResult,
  Exclusion,
  MeasureAttainment,
  Statement,
  StatementLine,
} from "./types.js";
