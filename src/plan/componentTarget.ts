import { checkArgument } from "../errors/checkArgument.js";
import type { Component } from "./schema/index.js";

/**
 * How a component sets its target incentive, if it does: an explicit `target`, or a `share` of the
 * participant's variable. Optional keys that were not written are absent from the parsed plan, so this reads
 * them without assuming which kinds carry them.
 *
 * @example
 * ```ts
 * componentTarget({ id: "b", type: "bonus", measure: "m", target: "20000", over: "period", curve: [] }); // { target: "20000" }
 * componentTarget({ id: "base", type: "base" }); // undefined
 * ```
 */
export function componentTarget(component: Component): { share?: string; target?: string } | undefined {
  checkArgument("componentTarget", "component", component, "object");
  const { share, target } = component as { share?: string; target?: string };
  if (share === undefined && target === undefined) return undefined;
  return { ...(share !== undefined ? { share } : {}), ...(target !== undefined ? { target } : {}) };
}
