import { z } from "zod";
import { ConditionSchema } from "./condition.js";
import { decimalSchema, FieldSchema } from "./primitives.js";

/** A multiplier applied to a transaction's measure value when its condition holds (e.g. 1.2 for multi-year). */
export const MultiplierSchema = z
  .strictObject({
    when: ConditionSchema,
    factor: decimalSchema({ min: "0" }).meta({ description: "Multiply the credited value by this factor." }),
    label: z.string().optional().meta({ description: "Shown in the trace." }),
  })
  .meta({ id: "Multiplier" });

/** What a measure counts: which transactions, what value, which date places them in a period. */
export const MeasureSchema = z
  .strictObject({
    description: z.string().optional(),
    // A number is read as the expression of its text, so a count can be written `value: 1`.
    value: z
      .union([z.string(), z.number().transform((n) => String(n))])
      .default("amount")
      .meta({
        description:
          "A field or a decimal arithmetic expression over fields, e.g. `amount * 12 / termMonths`.",
      }),
    date: FieldSchema.default("closeDate").meta({
      description: "The date field that places a transaction in a period.",
    }),
    when: ConditionSchema.optional().meta({ description: "Only transactions meeting this condition count." }),
    multipliers: z.array(MultiplierSchema).optional(),
    credit: z.enum(["own", "team"]).default("own").meta({
      description: "`team`: the participant's own credits plus those of everyone reporting to them.",
    }),
    seasonality: z
      .array(decimalSchema({ min: "0", max: "1" }))
      .optional()
      .meta({
        description: "Share of the annual quota per pay period (or per half or quarter); sums to exactly 1.",
      }),
  })
  .meta({ id: "Measure" });

export type Measure = z.output<typeof MeasureSchema>;
