export {
  type CompareParticipant,
  type ComparePlansOptions,
  type CompareRow,
  comparePlans,
  type PlanComparison,
} from "./compare.js";
export { type CurveOptions, type CurveRow, curveTable, payoutCurve } from "./curve.js";
export { type FastEvaluator, fastEvaluator } from "./fast.js";
export { htmlTable } from "./html.js";
export {
  type Breakpoint,
  buildModel,
  type ComponentModel,
  type ComponentOutcome,
  type ModelOptions,
  type ModelOutcome,
  type Part,
  type PlanModel,
  type Profile,
  profilesFromRecords,
  representative,
  type Volume,
} from "./model.js";
export { type AttainmentDistribution, gridPoint, type Random, sampler, seededRandom } from "./random.js";
export {
  type CompareParticipantRow,
  type CompareSimulatedOptions,
  type CompareSimulatedResult,
  type CompareSummaryRow,
  compareSimulated,
  type ParticipantRow,
  type RunRow,
  type SimulateOptions,
  type SimulationResult,
  type SummaryRow,
  simulate,
} from "./simulate.js";
export { type CurveSvgOptions, renderCurveSvg } from "./svg.js";
