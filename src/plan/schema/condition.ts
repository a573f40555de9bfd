import { z } from "zod";
import type { Condition } from "../../rules/index.js";

/**
 * A condition in json-rules-engine's format (`all` / `any` / `not` / `{ fact, operator, value, path }`).
 * Its shape is checked by `conditionIssues` from `rules/` after the schema pass, which knows the operators and
 * reports each problem with its exact path; here it only has to be an object. The JSON Schema for editors
 * is written out in full in `jsonSchema.ts`.
 */
export const ConditionSchema = z.custom<Condition>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { error: "expected a condition such as { all: [ { fact: stage, operator: equal, value: won } ] }" },
);
