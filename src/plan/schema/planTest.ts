import { z } from "zod";
import { decimalSchema, IdSchema } from "./primitives.js";

const Row = z.record(z.string(), z.unknown());

/** A plan unit test: participants and transactions in, expected statement lines out, for one period. */
export const PlanTestSchema = z
  .strictObject({
    name: z.string(),
    period: z.string().meta({ description: "2026, 2026-H1, 2026-Q3 or 2026-07." }),
    participants: z
      .array(Row)
      .min(1)
      .meta({ description: "Participant records as in a participants file; `plan` defaults to this plan." }),
    transactions: z.array(Row).default([]),
    expect: z
      .array(
        z.strictObject({
          participant: IdSchema,
          lines: z
            .record(IdSchema, decimalSchema())
            .optional()
            .meta({ description: "Expected payable per component id for the period." }),
          total: decimalSchema().optional(),
        }),
      )
      .min(1),
  })
  .meta({ id: "PlanTest" });

export type PlanTest = z.output<typeof PlanTestSchema>;
