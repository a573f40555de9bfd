import { checkArgument } from "../errors/checkArgument.js";
import type { RecordIssue } from "../errors/index.js";
import { describeValue } from "./describeValue.js";
import { duplicateProblems } from "./duplicateKeys.js";
import { isBlank } from "./isBlank.js";
import { isPlainObject } from "./isPlainObject.js";
import { parseRamp } from "./parseRamp.js";
import { isTargetKey, parseTargets, type Targets } from "./parseTargets.js";
import { readDateField } from "./readDateField.js";
import { readIdField } from "./readIdField.js";
import { type FieldProblem, toReject } from "./toReject.js";

/** A participant as the engine uses it: checked, with target overrides as normalised decimal strings. */
export interface Participant {
  id: string;
  name?: string;
  /** The id of the plan the participant is on. */
  plan: string;
  /** `YYYY-MM-DD`; day 1 of employment (included in proration). */
  hireDate?: string;
  /** `YYYY-MM-DD`; the last day employed (included in proration). Never before `hireDate`. */
  terminationDate?: string;
  managerId?: string;
  /** An ISO 4217 code such as `USD`. */
  currency?: string;
  /** Overrides of the plan's targets. `quota` is always present, possibly empty. */
  targets: Targets;
  /** Quota factor per month of tenure (`ramp[0]` for month 1), as decimal strings; absent when none. */
  ramp?: string[];
  /** Every other field of the record, as given (blank fields left out, `…Date` fields checked). */
  attributes: Record<string, unknown>;
  /** 1-based position of the record among the data rows. */
  row: number;
}

/** Options of {@link parseParticipants}. */
export interface ParseParticipantsOptions {
  /** The name rejects are reported under, usually the file name; default `"participants"`. */
  source?: string;
}

/** The result of {@link parseParticipants}: each input record is in exactly one of the two lists. */
export interface ParsedParticipants {
  participants: Participant[];
  rejects: RecordIssue[];
}

const CURRENCY = /^[A-Z]{3}$/;
const KNOWN = new Set(["id", "name", "plan", "hireDate", "terminationDate", "managerId", "currency", "ramp"]);

/**
 * Checks participant records (from `readRecords`, or plain objects) and turns them into {@link Participant}s.
 *
 * Fields: `id` and `plan` (required), `name`, `hireDate`, `terminationDate`, `managerId`, `currency`, target
 * overrides (nested `targets: { base, variable, quota: { <measure> } }` or flat `base`, `variable`,
 * `quota.<measure>` columns), `ramp` (`0;0.25;0.5` in CSV, a list in JSON); every other field goes to
 * `attributes`. A blank field (empty cell, `null`, `""`) is not given.
 *
 * A record is rejected, never half-used, when: `id` or `plan` is missing; its `id` was already used by an
 * earlier record (the first record to carry an id keeps it, even if that record is itself rejected); a date
 * (`hireDate`, `terminationDate`, or any other field ending in `Date`) is not a real `YYYY-MM-DD` date; the
 * termination is before the hire; a target or ramp factor is not a non-negative decimal; `managerId` is the
 * participant's own id; `currency` is not three capital letters; a JSON record writes a key twice. A record with several problems yields one
 * reject listing them all.
 *
 * @example
 * ```ts
 * const { participants, rejects } = parseParticipants(
 *   [{ id: "ana", plan: "ae-fy27", hireDate: "2026-02-15", base: "80000", "quota.bookings": 600000, region: "EMEA" }],
 *   { source: "people.csv" },
 * );
 * // participants[0]: { id: "ana", plan: "ae-fy27", hireDate: "2026-02-15",
 * //   targets: { base: "80000", quota: { bookings: "600000" } }, attributes: { region: "EMEA" }, row: 1 }
 * ```
 */
export function parseParticipants(
  rows: readonly unknown[],
  options: ParseParticipantsOptions = {},
): ParsedParticipants {
  checkArgument("parseParticipants", "rows", rows, "list");
  checkArgument("parseParticipants", "options", options, "object");
  checkArgument("parseParticipants", "options.source", options.source, "text?");
  return parseParticipantsAt(rows, options.source ?? "participants", undefined);
}

/**
 * {@link parseParticipants}, with each record's row given when it is not its position (participants already
 * parsed, passed to `evaluate` again, keep the rows of their file). Internal.
 *
 * @example
 * ```ts
 * parseParticipantsAt([{ id: "ana", plan: "ae-fy27" }], "people.csv", [7]).participants[0]?.row; // 7
 * ```
 */
export function parseParticipantsAt(
  rows: readonly unknown[],
  source: string,
  rowNumbers: readonly number[] | undefined,
): ParsedParticipants {
  const participants: Participant[] = [];
  const rejects: RecordIssue[] = [];
  const rowOfId = new Map<string, number>();
  rows.forEach((record, index) => {
    const row = rowNumbers ? (rowNumbers[index] as number) : index + 1;
    const result = parseParticipant(record, row);
    if (result.id !== undefined) {
      const first = rowOfId.get(result.id);
      if (first === undefined) rowOfId.set(result.id, row);
      else
        result.problems.unshift({
          field: "id",
          message: `duplicate id ${JSON.stringify(result.id)}, first used in row ${first}`,
        });
    }
    if (result.problems.length > 0 || !result.participant) {
      rejects.push(toReject(result.problems, { source, row, id: result.id }));
    } else participants.push(result.participant);
  });
  return { participants, rejects };
}

function parseParticipant(
  record: unknown,
  row: number,
): { participant?: Participant; id?: string; problems: FieldProblem[] } {
  if (!isPlainObject(record)) {
    return {
      problems: [
        { field: "(record)", message: `expected a plain object ({ ... }), got ${describeValue(record)}` },
      ],
    };
  }
  const problems: FieldProblem[] = [];
  duplicateProblems(record, problems);
  const present = Object.entries(record).filter(([, v]) => !isBlank(v));
  const given = new Map(present);

  const id = readIdField("id", given.get("id"), problems, "the participant's id");
  const plan = readIdField("plan", given.get("plan"), problems, "the id of the participant's plan");

  let name: string | undefined;
  const rawName = given.get("name");
  if (rawName !== undefined) {
    if (typeof rawName === "string" || typeof rawName === "number") name = String(rawName);
    else problems.push({ field: "name", message: `expected text, got ${describeValue(rawName)}` });
  }

  const hireDate = readDateField("hireDate", given.get("hireDate"), problems);
  const terminationDate = readDateField("terminationDate", given.get("terminationDate"), problems);
  if (hireDate !== undefined && terminationDate !== undefined && terminationDate < hireDate) {
    problems.push({
      field: "terminationDate",
      message: `expected a date on or after hireDate ${hireDate}, got ${terminationDate}`,
    });
  }

  let managerId = readIdField("managerId", given.get("managerId"), problems);
  if (managerId !== undefined && managerId === id) {
    problems.push({
      field: "managerId",
      message: `expected another participant's id, got the participant's own id ${JSON.stringify(id)}`,
    });
    managerId = undefined;
  }

  let currency: string | undefined;
  const rawCurrency = given.get("currency");
  if (rawCurrency !== undefined) {
    if (typeof rawCurrency === "string" && CURRENCY.test(rawCurrency)) currency = rawCurrency;
    else {
      problems.push({
        field: "currency",
        message: `expected an ISO 4217 code in capitals such as USD or EUR, got ${describeValue(rawCurrency)}`,
      });
    }
  }

  let ramp: string[] | undefined;
  const rawRamp = given.get("ramp");
  if (rawRamp !== undefined) {
    const r = parseRamp(rawRamp);
    if (!r.ok) problems.push({ field: "ramp", message: r.message });
    else ramp = r.value;
  }

  const { targets, problems: targetProblems } = parseTargets(present.filter(([k]) => isTargetKey(k)));
  problems.push(...targetProblems);

  const attributes: [string, unknown][] = [];
  for (const [key, value] of present) {
    if (KNOWN.has(key) || isTargetKey(key)) continue;
    // Any …Date field is checked, as on transactions: an impossible date in an attribute a condition reads
    // (startDate, promotionDate) would otherwise fail silently as a string comparison.
    const date = key.endsWith("Date") ? readDateField(key, value, problems) : value;
    if (date !== undefined) attributes.push([key, date]);
  }

  if (problems.length > 0 || id === undefined || plan === undefined) return { id, problems };
  const participant: Participant = {
    id,
    ...(name !== undefined && { name }),
    plan,
    ...(hireDate !== undefined && { hireDate }),
    ...(terminationDate !== undefined && { terminationDate }),
    ...(managerId !== undefined && { managerId }),
    ...(currency !== undefined && { currency }),
    targets,
    ...(ramp !== undefined && { ramp }),
    // fromEntries defines own properties, so a field named "__proto__" stays a field.
    attributes: Object.fromEntries(attributes),
    row,
  };
  return { participant, id, problems };
}
