export {
  type ParsedParticipants,
  type ParseParticipantsOptions,
  type Participant,
  parseParticipants,
} from "./parseParticipants.js";
export {
  type ParsedRecords,
  type ParseRecordsOptions,
  parseRecords,
  type RecordFormat,
} from "./parseRecords.js";
export type { Split } from "./parseSplits.js";
export type { Targets } from "./parseTargets.js";
export {
  type ParsedTransactions,
  type ParseTransactionsOptions,
  parseTransactions,
  type Transaction,
} from "./parseTransactions.js";
export { type ReadRecordsOptions, readRecords } from "./readRecords.js";
