import type { z } from "zod";

// zod v4 exposes a schema's definition on `_zod.def`; we only read the few kinds the plan schema uses.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  items?: z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType)
      s = def.innerType;
    else if (def.type === "pipe" && def.in) s = def.in;
    else return s;
  }
}

function objectsOf(schema: z.ZodType, data: unknown): Record<string, z.ZodType>[] {
  const s = unwrap(schema);
  const def = defOf(s);
  if (def.type === "object" && def.shape) return [def.shape];
  if (def.type === "union" && def.options) {
    const all = def.options.flatMap((o) => objectsOf(o, data));
    // A discriminated union: keep the option whose `type` literal matches the data, when one does.
    const type =
      typeof data === "object" && data !== null ? (data as Record<string, unknown>).type : undefined;
    const matching = all.filter((shape) => {
      const t = shape.type ? defOf(unwrap(shape.type)) : undefined;
      return t?.type === "literal" && (t as unknown as { values: unknown[] }).values.includes(type);
    });
    return matching.length ? matching : all;
  }
  return [];
}

/**
 * The keys the schema allows on the object found at `path` in `data`, used to suggest the key a user meant
 * when they misspell one. Returns an empty list when the path does not lead to an object schema.
 *
 * @example
 * ```ts
 * allowedKeysAt(PlanSchema, ["components", 0], plan); // ["id", "name", "description", "type", "measure", ...]
 * ```
 */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let schemas: z.ZodType[] = [schema];
  let value: unknown = data;
  for (const step of path) {
    const next: z.ZodType[] = [];
    for (const s of schemas) {
      const def = defOf(unwrap(s));
      if (def.type === "array" && def.element) next.push(def.element);
      else if (def.type === "tuple" && def.items && typeof step === "number" && def.items[step])
        next.push(def.items[step]);
      else if (def.type === "record" && def.valueType) next.push(def.valueType);
      else
        for (const shape of objectsOf(s, value))
          if (shape[String(step)]) next.push(shape[String(step)] as z.ZodType);
    }
    schemas = next;
    value =
      typeof value === "object" && value !== null
        ? (value as Record<string, unknown>)[String(step)]
        : undefined;
  }
  return [...new Set(schemas.flatMap((s) => objectsOf(s, value).flatMap((shape) => Object.keys(shape))))];
}
