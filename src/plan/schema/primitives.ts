import { z } from "zod";
import { tryDate } from "../../calendar/index.js";
import { checkArgument } from "../../errors/checkArgument.js";
import { tryDecimal } from "../../money/index.js";

/**
 * Identifiers of plans, measures and components: a letter, then letters, digits, `_`, `-` or `.`. They appear
 * in file names, CSV columns and payroll exports, so spaces and punctuation are kept out.
 */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: "expected an id: a letter, then letters, digits, _ - or ." })
  .max(100);

// 1,000,000 or 1,234.50: a number written with thousands separators, which YAML leaves as a string.
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * An exact decimal written as a YAML number (`0.04`) or string (`"1000000.00"`), normalised to a decimal string.
 * The plan keeps amounts as strings so it stays plain, serialisable data; stages turn them into `Decimal`s.
 */
export function decimalSchema(options: { min?: string; exclusiveMin?: boolean; max?: string } = {}) {
  checkArgument("decimalSchema", "options", options, "object?");
  const { min, max, exclusiveMin } = options;
  const expected = [
    min !== undefined ? `${exclusiveMin ? ">" : ">="} ${min}` : "",
    max !== undefined ? `<= ${max}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return z.union([z.number(), z.string()], { error: "expected a decimal number" }).transform((input, ctx) => {
    if (typeof input === "string" && THOUSANDS.test(input.trim())) {
      ctx.issues.push({
        code: "custom",
        message: `"${input}" is not a number: write it without thousands separators, as ${input.trim().replace(/,/g, "")}`,
        input,
      });
      return z.NEVER;
    }
    const parsed = tryDecimal(input);
    if (!parsed.ok) {
      ctx.issues.push({ code: "custom", message: parsed.message, input });
      return z.NEVER;
    }
    const d = parsed.value;
    const low = min === undefined ? false : exclusiveMin ? d.lte(min) : d.lt(min);
    if (low || (max !== undefined && d.gt(max))) {
      ctx.issues.push({
        code: "custom",
        message: `expected a number ${expected}, got ${d.toString()}`,
        input,
      });
      return z.NEVER;
    }
    return d.toString();
  });
}

/** A calendar date `YYYY-MM-DD`. YAML's core schema leaves dates as strings, which is what we want. */
export const DateSchema = z.string({ error: "expected a date YYYY-MM-DD" }).check((ctx) => {
  const parsed = tryDate(ctx.value);
  if (!parsed.ok) ctx.issues.push({ code: "custom", message: parsed.message, input: ctx.value });
});

/** A field name of a transaction (`amount`, `closeDate`, `attributes.region`). */
export const FieldSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, {
  error: "expected a field name such as closeDate",
});
