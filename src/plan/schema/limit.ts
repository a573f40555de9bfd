import { z } from "zod";
import { decimalSchema } from "./primitives.js";

/** A cap or floor: a fixed amount, or a multiple of the component's target incentive. */
export const LimitSchema = z
  .union(
    [
      z.strictObject({ amount: decimalSchema({ min: "0" }) }),
      z.strictObject({
        ofTarget: decimalSchema({ min: "0" }).meta({
          description: "A multiple of the component's target incentive.",
        }),
      }),
    ],
    { error: "expected { amount: 10000 } or { ofTarget: 2 }" },
  )
  .meta({ id: "Limit" });

export type Limit = z.output<typeof LimitSchema>;
