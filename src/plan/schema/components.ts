import { z } from "zod";
import { ConditionSchema } from "./condition.js";
import { LimitSchema } from "./limit.js";
import { DateSchema, decimalSchema, FieldSchema, IdSchema } from "./primitives.js";

const common = {
  id: IdSchema.meta({ description: "Unique within the plan; names the statement line." }),
  name: z.string().optional(),
  description: z.string().optional(),
};

// The part of a variable-pay component that sets its target incentive (pay at 100%), from which the base
// commission rate, `ofTarget` caps and bonus payouts are derived.
const target = {
  share: decimalSchema({ min: "0", exclusiveMin: true, max: "1" })
    .optional()
    .meta({ description: "Share of the participant's annual variable target carried by this component." }),
  target: decimalSchema({ min: "0" })
    .optional()
    .meta({ description: "The component's annual target incentive, instead of a share of the variable." }),
  over: z.enum(["year", "period"]).meta({
    description:
      "`year`: measured year to date, paid each period as a true-up. `period`: each pay period alone.",
  }),
  cap: LimitSchema.optional(),
  floor: LimitSchema.optional(),
};

/** Base salary, paid pro rata each pay period. */
export const BaseComponentSchema = z
  .strictObject({
    ...common,
    type: z.literal("base"),
    amount: decimalSchema({ min: "0" })
      .optional()
      .meta({ description: "Annual base; defaults to targets.base." }),
  })
  .meta({ id: "BaseComponent" });

/** One band of a tier table: values up to `upTo` (the last band has none) pay `rate` or `multiplier` × BCR. */
export const BandSchema = z
  .strictObject({
    upTo: decimalSchema({ min: "0" })
      .optional()
      .meta({ description: "Upper edge, included: the band covers previous edge < v <= upTo." }),
    rate: decimalSchema({ min: "0" }).optional(),
    multiplier: decimalSchema({ min: "0" })
      .optional()
      .meta({ description: "A multiple of the base commission rate (target incentive ÷ quota)." }),
  })
  .meta({ id: "Band" });

export const TiersSchema = z
  .strictObject({
    basis: z
      .enum(["attainment", "value"])
      .default("attainment")
      .meta({ description: "`attainment`: band edges are fractions of quota. `value`: edges are amounts." }),
    method: z.enum(["marginal", "retroactive"]).default("marginal").meta({
      description:
        "`marginal`: each band's rate on the part inside it. `retroactive`: the top band's rate on all.",
    }),
    bands: z.array(BandSchema).min(1),
  })
  .meta({ id: "Tiers" });

/** A rate chosen by condition, per transaction; the first row whose condition holds applies. */
export const RateRowSchema = z
  .strictObject({
    when: ConditionSchema.optional().meta({ description: "Omit on the last row to make it the default." }),
    rate: decimalSchema({ min: "0" }),
    label: z.string().optional(),
  })
  .meta({ id: "RateRow" });

/** Commission on a measure: a flat rate, a rate table chosen by conditions, or tiers. */
export const CommissionComponentSchema = z
  .strictObject({
    ...common,
    type: z.literal("commission"),
    measure: IdSchema,
    ...target,
    over: target.over.default("year"),
    rate: decimalSchema({ min: "0" }).optional(),
    rates: z.array(RateRowSchema).min(1).optional(),
    tiers: TiersSchema.optional(),
  })
  .meta({ id: "CommissionComponent" });

/** A bonus: a share of the target incentive read off an attainment curve. */
export const BonusComponentSchema = z
  .strictObject({
    ...common,
    type: z.literal("bonus"),
    measure: IdSchema,
    ...target,
    over: target.over.default("period"),
    gate: decimalSchema({ min: "0" })
      .optional()
      .meta({ description: "Attainment below the gate pays nothing." }),
    curve: z
      .array(z.tuple([decimalSchema({ min: "0" }), decimalSchema({ min: "0" })]), {
        error: "expected a list of [attainment, payout] points",
      })
      .min(2)
      .meta({ description: "Points [attainment, fraction of target], joined by straight lines." }),
  })
  .meta({ id: "BonusComponent" });

/** A SPIFF: pay per qualifying deal (or a rate on it) inside a date window, with an optional limit. */
export const SpiffComponentSchema = z
  .strictObject({
    ...common,
    type: z.literal("spiff"),
    measure: IdSchema.optional().meta({
      description:
        "Only this measure's transactions qualify, valued as the measure values them. Default: all credits.",
    }),
    date: FieldSchema.optional().meta({
      description: "Date field placed in the window; default the measure's, or closeDate.",
    }),
    window: z
      .strictObject({ from: DateSchema, to: DateSchema })
      .meta({ description: "Both dates included." }),
    when: ConditionSchema.optional(),
    pay: z.union(
      [
        z.strictObject({ perDeal: decimalSchema({ min: "0" }) }),
        z.strictObject({ rate: decimalSchema({ min: "0" }) }),
      ],
      { error: "expected { perDeal: 500 } or { rate: 0.02 }" },
    ),
    limit: z
      .strictObject({
        deals: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({ description: "At most this many paying deals a participant." }),
        amount: decimalSchema({ min: "0" })
          .optional()
          .meta({ description: "At most this much a participant." }),
      })
      .optional(),
  })
  .meta({ id: "SpiffComponent" });

export const ComponentSchema = z.discriminatedUnion("type", [
  BaseComponentSchema,
  CommissionComponentSchema,
  BonusComponentSchema,
  SpiffComponentSchema,
]);

export type BaseComponent = z.output<typeof BaseComponentSchema>;
export type Band = z.output<typeof BandSchema>;
export type Tiers = z.output<typeof TiersSchema>;
export type RateRow = z.output<typeof RateRowSchema>;
export type CommissionComponent = z.output<typeof CommissionComponentSchema>;
export type BonusComponent = z.output<typeof BonusComponentSchema>;
export type SpiffComponent = z.output<typeof SpiffComponentSchema>;
export type Component = z.output<typeof ComponentSchema>;
