import type { CompiledComponent } from "../evaluate/compilePlan.js";
import { type Component, componentTarget } from "../plan/index.js";
import { baseEarnings } from "./base.js";
import { bonusEarnings } from "./bonus.js";
import { commissionEarnings } from "./commission.js";
import { spiffEarnings } from "./spiff.js";
import type { ComponentEarnings, RewardContext } from "./types.js";

/** What a component asks the pipeline to prepare before its earnings can be computed. */
export interface ComponentNeeds {
  /** The measure whose values it reads. */
  measure?: string;
  /** The participant's quota for that measure. */
  quota: boolean;
  /** The component's target incentive (`target`, or `share` × the participant's variable). */
  target: boolean;
  /** The participant's annual base salary. */
  base: boolean;
  /** The participant's credits outside any measure (SPIFFs without a measure). */
  credits: boolean;
}

/** A kind of component: what it needs, and how it earns. The evaluator never branches on the kind itself. */
export interface ComponentKind {
  needs(component: Component): ComponentNeeds;
  earnings(compiled: CompiledComponent, ctx: RewardContext): ComponentEarnings;
}

const hasTarget = (c: Component) => componentTarget(c) !== undefined;

/**
 * The component kinds of plan format 1. Adding a kind means adding an entry here and its schema; nothing else
 * in the pipeline changes.
 *
 * @example
 * ```ts
 * componentKinds.bonus.needs(component); // { measure: "bookings", quota: true, target: true, base: false, credits: false }
 * ```
 */
export const componentKinds: Record<Component["type"], ComponentKind> = {
  base: {
    needs: () => ({ quota: false, target: false, base: true, credits: false }),
    earnings: baseEarnings,
  },
  commission: {
    needs: (c) => {
      const tiers = c.type === "commission" ? c.tiers : undefined;
      const usesQuota =
        tiers !== undefined &&
        (tiers.basis === "attainment" || tiers.bands.some((b) => b.multiplier !== undefined));
      return {
        measure: c.type === "commission" ? c.measure : undefined,
        quota: usesQuota,
        target: hasTarget(c),
        base: false,
        credits: false,
      };
    },
    earnings: commissionEarnings,
  },
  bonus: {
    needs: (c) => ({
      measure: c.type === "bonus" ? c.measure : undefined,
      quota: true,
      target: true,
      base: false,
      credits: false,
    }),
    earnings: bonusEarnings,
  },
  spiff: {
    needs: (c) => {
      const measure = c.type === "spiff" ? c.measure : undefined;
      return { measure, quota: false, target: false, base: false, credits: measure === undefined };
    },
    earnings: spiffEarnings,
  },
};
