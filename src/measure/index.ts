export { type MeasureEntry, type MeasureResult, measureCredits } from "./measureCredits.js";
