import { fromDayNumber, toDayNumber } from "../goals/dayNumber.js";
import type { Participant } from "../input/index.js";
import type { EmploymentWindows } from "../measure/measureTable.js";
import { dayKey } from "../measure/measureTable.js";
import type { Plan } from "../plan/index.js";

// Day keys (YYYYMMDD) beyond any date a record can hold: no bound.
const NO_START = 0;
const NO_END = 99_999_999;

/**
 * The days each participant's credits may be dated, as day keys (YYYYMMDD, see dayKey) indexed like
 * `participants`: from the hire date through the termination date plus the plan's grace
 * (`employment.creditAfterTermination.days`). Worked out once per participant, so that the measures check a
 * credit with two comparisons of numbers. Undefined when no participant has a hire or termination date: then
 * there is nothing to check.
 *
 * @param participants - the participants, indexed as in the credit table.
 * @param planOf - each participant's plan (by index), for its grace period.
 * @returns the windows, or undefined when no participant has a hire or termination date.
 * @example
 * ```ts
 * // ben terminated 2026-03-31 on a plan with creditAfterTermination: { days: 30 }
 * employmentWindows([ben], () => plan)?.through[0]; // 20260430
 * ```
 */
export function employmentWindows(
  participants: readonly Participant[],
  planOf: (index: number) => Plan,
): EmploymentWindows | undefined {
  if (!participants.some((p) => p.hireDate !== undefined || p.terminationDate !== undefined))
    return undefined;
  const n = participants.length;
  const from = new Int32Array(n).fill(NO_START);
  const through = new Int32Array(n).fill(NO_END);
  const lastDay: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = participants[i] as Participant;
    if (p.hireDate !== undefined) from[i] = dayKey(p.hireDate);
    if (p.terminationDate !== undefined) {
      const grace = planOf(i).employment?.creditAfterTermination?.days ?? 0;
      const last = grace === 0 ? p.terminationDate : fromDayNumber(toDayNumber(p.terminationDate) + grace);
      through[i] = dayKey(last);
      lastDay[i] = last;
    }
  }
  return {
    from,
    through,
    // Only for credits left out: a sentence naming the date, the participant and the bound it crossed.
    message(index, field, date) {
      const p = participants[index] as Participant;
      if (p.hireDate !== undefined && dayKey(date) < (from[index] as number))
        return `${field} ${date} is before ${p.id}'s hire date ${p.hireDate}`;
      const grace = planOf(index).employment?.creditAfterTermination?.days ?? 0;
      return grace === 0
        ? `${field} ${date} is after ${p.id}'s termination date ${p.terminationDate}`
        : `${field} ${date} is more than ${grace} day${grace === 1 ? "" : "s"} after ${p.id}'s termination date ${p.terminationDate} (credits count through ${lastDay[index]})`;
    },
  };
}
