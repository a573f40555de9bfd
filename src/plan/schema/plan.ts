import { z } from "zod";
import { ComponentSchema } from "./components.js";
import { MeasureSchema } from "./measure.js";
import { PlanTestSchema } from "./planTest.js";
import { DateSchema, decimalSchema, IdSchema } from "./primitives.js";

/** The plan file, format version 1. `docs/plan-format.md` documents every key. */
export const PlanSchema = z
  .strictObject({
    compplan: z.literal(1, { error: "expected compplan: 1 (the plan format version)" }),
    id: IdSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "expected an ISO 4217 currency code such as USD" }),
    year: z
      .strictObject({
        start: DateSchema.meta({
          description: "First day of the 12-month plan year; the first day of a month.",
        }),
      })
      .meta({ description: "The plan year, named by the calendar year in which it starts." }),
    payPeriod: z.enum(["month", "quarter", "half", "year"]).default("month"),
    rounding: z
      .strictObject({
        scale: z.number().int().min(0).max(10).default(2),
        mode: z.enum(["half-up", "half-even", "down", "up"]).default("half-up"),
      })
      .default({ scale: 2, mode: "half-up" }),
    targets: z
      .strictObject({
        base: decimalSchema({ min: "0" }).optional().meta({ description: "Annual base salary." }),
        variable: decimalSchema({ min: "0" })
          .optional()
          .meta({ description: "Annual target incentive at 100%." }),
        quota: z
          .record(IdSchema, decimalSchema({ min: "0", exclusiveMin: true }))
          .optional()
          .meta({ description: "Annual quota per measure id." }),
      })
      .default({})
      .meta({ description: "Defaults that a participant's own targets override." }),
    employment: z
      .strictObject({
        creditAfterTermination: z
          .strictObject({
            days: z.number().int().min(0).max(366).meta({
              description: "Calendar days after the termination date whose credits still count (0 to 366).",
            }),
          })
          .optional()
          .meta({
            description:
              "A grace period: credits dated up to this many days after a participant's termination count.",
          }),
      })
      .optional()
      .meta({
        description:
          "Credits dated before a participant's hire date or after their termination date are excluded (rule `<plan>: employment`), unless this allows them.",
      }),
    measures: z.record(IdSchema, MeasureSchema).default({}),
    components: z.array(ComponentSchema).min(1),
    tests: z.array(PlanTestSchema).optional(),
  })
  .meta({ id: "Plan", title: "compplan plan (format 1)" });

/** A validated plan: plain, frozen data. Amounts are decimal strings. */
export type Plan = z.output<typeof PlanSchema>;
/** A plan as written, before defaults are applied. */
export type PlanInput = z.input<typeof PlanSchema>;
