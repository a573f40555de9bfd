import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";

/**
 * Checks the arguments of a component's earnings function (`baseEarnings`, `commissionEarnings`, …) at its
 * entry: the compiled component and the fields of the context every kind reads, by kind only (these run once
 * per participant and component, so no schema parse). Throws an `ArgumentError` naming the field.
 *
 * @param fn - the reward function called, as the message names it.
 * @param compiled - its compiled component as given.
 * @param ctx - its reward context as given.
 * @example
 * ```ts
 * checkRewardArguments("bonusEarnings", compiled, {}); // throws "bonusEarnings: ctx.periods: expected a list, got nothing"
 * ```
 */
export function checkRewardArguments(fn: string, compiled: unknown, ctx: unknown): void {
  checkArgument(fn, "compiled", compiled, "object");
  checkArgument(fn, "compiled.source", (compiled as { source?: unknown }).source, "object");
  checkArgument(fn, "ctx", ctx, "object");
  const c = ctx as Record<string, unknown>;
  checkElements(fn, "ctx.periods", c.periods, "object");
  checkArgument(fn, "ctx.from", c.from, "integer");
  checkArgument(fn, "ctx.through", c.through, "integer");
  checkArgument(fn, "ctx.factors", c.factors, "list");
  for (const [i, f] of (c.factors as unknown[]).entries())
    checkDecimalArgument(fn, `ctx.factors[${i}]`, f, false, false);
  checkElements(fn, "ctx.prorations", c.prorations, "object");
  for (const key of ["measure", "credits", "quota", "target"])
    checkArgument(fn, `ctx.${key}`, c[key], "object?");
  checkDecimalArgument(fn, "ctx.base", c.base, true, false);
  for (const key of ["quota", "target"]) {
    const t = c[key] as Record<string, unknown> | undefined;
    if (t === undefined) continue;
    checkDecimalArgument(fn, `ctx.${key}.annual`, t.annual, false, false);
    checkDecimalArgument(fn, `ctx.${key}.year`, t.year, false, false);
    if (!Array.isArray(t.perPeriod))
      throw new ArgumentError(fn, `ctx.${key}.perPeriod`, "a list", t.perPeriod);
  }
}
