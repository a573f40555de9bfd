import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { Decimal, formatPercent } from "../money/index.js";
import type { EvaluationResult } from "./types.js";

/**
 * A participant's statement as readable text: each line's payable, then its trace (the inputs, the bands or
 * curve points used, the arithmetic), then the deals that earned it, then attainment.
 *
 * @example
 * ```ts
 * console.log(explain(evaluate(plans, inputs), "ana")); // on examples/quickstart/, for 2026-Q1:
 * // Ana Alvarez (ana) — plan ae-quickstart — 2026-Q1 (2026-01-01 to 2026-03-31), USD
 * // …
 * // new-business [new-business, commission]: 9600.02
 * //   earned to date 9600.02, paid before 0.00
 * //   bookings year to date through 2026-Q1: 240,000.5 (2026-Q1: 240,000.5 from 3 deals)
 * //   …
 * ```
 */
export function explain(result: EvaluationResult, participantId: string): string {
  checkArgument("explain", "result", result, "object");
  checkArgument("explain", "result.statements", result.statements, "list");
  checkArgument("explain", "result.participants", result.participants, "object");
  checkArgument("explain", "participantId", participantId, "text");
  const s = result.statements.find((x) => x?.participantId === participantId);
  if (!s) {
    throw new CompplanError(
      "PARTICIPANT_UNKNOWN",
      `no statement for participant ${participantId} in this result${(result.participants.rejects ?? []).some((r) => r.id === participantId) ? " (the participant was rejected)" : ""}`,
    );
  }
  const out: string[] = [];
  out.push(
    `${s.name ?? s.participantId} (${s.participantId}) — plan ${s.plan} — ${s.period.name} (${s.period.start} to ${s.period.end}), ${s.currency}`,
    "",
  );
  for (const line of s.lines) {
    out.push(`${line.name} [${line.component}, ${line.type}]: ${line.amount}`);
    out.push(`  earned to date ${line.earnedToDate}, paid before ${line.paidBefore}`);
    for (const t of line.trace) out.push(`  ${t}`);
    if (line.deals.length) {
      out.push("  deals:");
      for (const d of line.deals) out.push(`    ${d.date} ${d.id}: ${d.earned}`);
    }
    out.push("");
  }
  for (const a of s.attainment) {
    const pct = (x: string | null) => (x === null ? "n/a" : formatPercent(new Decimal(x)));
    out.push(
      `${a.measure}: period ${a.period.value} of ${a.period.quota ?? "no quota"} (${pct(a.period.attainment)}); ` +
        `year to date ${a.yearToDate.value} of ${a.yearToDate.quota ?? "no quota"} to date (${pct(a.yearToDate.attainment)}), ` +
        `of annual ${a.annual.quota ?? "no quota"} (${pct(a.annual.attainment)})`,
    );
  }
  out.push(`total payable: ${s.total} ${s.currency}`);
  return `${out.join("\n")}\n`;
}
