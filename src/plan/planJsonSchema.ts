import { z } from "zod";
import { ConditionSchema, PlanSchema } from "./schema/index.js";

// Conditions are validated by rules/ rather than by zod, so their JSON Schema is written out here, recursively,
// to give editors completion for all / any / not / fact / operator / value / path.
// json-rules-engine lets any condition carry a name and a priority; they do not change the result.
const ANNOTATIONS = { name: { type: "string" }, priority: { type: "number" } };

const CONDITION_JSON_SCHEMA = {
  $id: "Condition",
  description: "A condition in json-rules-engine's format.",
  anyOf: [
    {
      type: "object",
      properties: { all: { type: "array", items: { $ref: "#/$defs/Condition" } }, ...ANNOTATIONS },
      required: ["all"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { any: { type: "array", items: { $ref: "#/$defs/Condition" } }, ...ANNOTATIONS },
      required: ["any"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { not: { $ref: "#/$defs/Condition" }, ...ANNOTATIONS },
      required: ["not"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: {
        fact: { type: "string", description: "A transaction field." },
        operator: {
          type: "string",
          description:
            "equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, or a custom operator.",
        },
        value: { description: "A literal, or { fact: name } to compare with another field." },
        path: { type: "string", description: "A path into the fact's value, e.g. $.address.city." },
        params: { type: "object" },
        ...ANNOTATIONS,
      },
      required: ["fact", "operator", "value"],
      additionalProperties: false,
    },
  ],
};

/**
 * The plan format's JSON Schema (draft 2020-12), generated from the zod schemas, for editor completion and
 * validation (`# yaml-language-server: $schema=...`). It describes plans as written, before defaults apply.
 *
 * @example
 * ```ts
 * writeFileSync("schema/plan.schema.json", JSON.stringify(planJsonSchema(), null, 2));
 * ```
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    override(ctx) {
      if (ctx.zodSchema === ConditionSchema) {
        for (const key of Object.keys(ctx.jsonSchema))
          delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { $ref: "#/$defs/Condition" });
      }
    },
  }) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  const { $id: _id, ...condition } = CONDITION_JSON_SCHEMA;
  return {
    ...schema,
    $id: "https://github.com/compplan/compplan/schema/plan.schema.json",
    $defs: { ...defs, Condition: condition },
  };
}
