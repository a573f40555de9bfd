import { isFactReference } from "./isFactReference.js";
import { MAX_CONDITION_DEPTH } from "./limits.js";

/**
 * The names of the facts a condition reads, sorted and without repeats, including facts referenced as values
 * (`value: { fact: quota }`). The CLI uses it to check that a CSV file has the columns a plan needs. It reads
 * whatever it can from a condition that is not valid, so it can run before validation.
 *
 * @example
 * ```ts
 * conditionFacts({ all: [{ fact: "stage", operator: "equal", value: "won" },
 *                        { fact: "discount", operator: "lessThan", value: { fact: "maxDiscount" } }] });
 * // ["discount", "maxDiscount", "stage"]
 * ```
 */
export function conditionFacts(condition: unknown): string[] {
  const names = new Set<string>();
  collect(condition, names, 0);
  return [...names].sort();
}

function collect(node: unknown, names: Set<string>, depth: number): void {
  // Deeper than a valid condition may nest (or a cycle): nothing more to read; validation reports it.
  if (typeof node !== "object" || node === null || depth > 2 * MAX_CONDITION_DEPTH + 2) return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, names, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key of ["all", "any", "not"])
    if (Object.hasOwn(record, key)) collect(record[key], names, depth + 1);
  if (typeof record.fact === "string" && Object.hasOwn(record, "fact")) names.add(record.fact);
  if (isFactReference(record.value) && typeof record.value.fact === "string") names.add(record.value.fact);
}
