// Reads per-participant amounts given as a Map or a plain object. Internal: not re-exported from the barrel
// (only the AmountsById type is).
import { CompplanError } from "../errors/index.js";
import type { Decimal, DecimalInput } from "../money/index.js";
import { decimalArg } from "./args.js";
import { type Hierarchy, UNKNOWN_PARTICIPANT } from "./hierarchy.js";

/** Amounts per participant id: a `Map` (e.g. from the engine) or a plain object (e.g. from JSON). */
export type AmountsById = ReadonlyMap<string, DecimalInput> | Readonly<Record<string, DecimalInput>>;

/**
 * Parses amounts per id into a `Map` of Decimals, refusing ids that are not in the hierarchy: an amount for an
 * unknown id would otherwise vanish from every total.
 *
 * @example
 * ```ts
 * amountsById({ r1: "100" }, h, "values").get("r1"); // Decimal(100)
 * ```
 */
export function amountsById(input: AmountsById, hierarchy: Hierarchy, what: string): Map<string, Decimal> {
  const entries: [string, DecimalInput][] =
    input instanceof Map ? [...input.entries()] : Object.entries(input as Record<string, DecimalInput>);
  const out = new Map<string, Decimal>();
  const unknown: string[] = [];
  for (const [id, value] of entries) {
    if (!hierarchy.managerOf.has(id)) unknown.push(id);
    else out.set(id, decimalArg(value, `${what}[${id}]`));
  }
  if (unknown.length) {
    throw new CompplanError(
      UNKNOWN_PARTICIPANT,
      `${what} names participants not in the hierarchy: ${unknown.join(", ")}`,
    );
  }
  return out;
}
