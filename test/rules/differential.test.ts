/**
 * Differential property: a compiled condition decides exactly as json-rules-engine's `Engine.run` does
 * (`allowUndefinedFacts: true`), on random conditions and facts.
 *
 * The domain is where compplan means to agree with json-rules-engine. Left out on purpose, each a documented
 * difference (docs/conditions.md):
 * - two numeric strings compared with a number operator (jre compares them as text: "10" < "9"), so numeric
 *   strings only ever appear as facts that no fact reference reads, never as literals;
 * - decimal text whose value is not exactly a double, compared with a number (jre converts it to a float), and
 *   Decimal instances (jre has no decimals);
 * - conditions compplan refuses: `any: []`, `in` on a literal that is not a list, number operators against
 *   null or booleans, `equal`/`contains` against a list literal;
 * - `in`, `notIn`, `someValue`, `everyValue` reading their list through a fact reference: when it is not a list,
 *   both throw, but at different moments (jre evaluates a whole `all`, compplan stops at the first false);
 * - paths outside the safe subset.
 * Inside it everything varies: nested all/any/not to depth 3, every built-in operator, json-rules-engine's
 * decorators, a custom operator, paths, fact references, missing facts, NaN, Infinity, -0, lists, null.
 */
import fc from "fast-check";
import { Engine, Operator } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import {
  type Condition,
  compileCondition,
  conditionIssues,
  type OperatorDefinition,
} from "../../src/rules/index.js";

// Numbers exact in binary floating point (so a float comparison in jre is exact too), and text that is not a
// number, including prefixes parseFloat reads ("1a", a date).
const SCALARS = [
  0,
  -0,
  1,
  2,
  3,
  -1,
  10,
  2.5,
  -1.25,
  0.5,
  "",
  "a",
  "b",
  "ab",
  "B",
  "1a",
  "2024-01-31",
  true,
  false,
  null,
];
const COMPARABLE = SCALARS.filter((value) => typeof value === "number" || typeof value === "string");
const NUMERIC_STRINGS = ["3", "2.5", "-1", "10", "007", " 3", "0.5"];
const PATHS = [
  "$",
  "$.x",
  "$.y.z",
  "$['x']",
  '$["arr"][0]',
  "$.arr[0]",
  "$.arr[2]",
  "$.arr.length",
  "$.x.length",
  "$[0]",
  "$[1]",
  "$.missing",
];
// a, b: anything, numeric strings included; c, d, o, l: what fact references may read (no numeric strings).
const FREE_FACTS = ["a", "b"];
const REFERENCED_FACTS = ["c", "d", "o", "l"];
const FACTS = [...FREE_FACTS, ...REFERENCED_FACTS, "missing"];

// One custom operator, as a json-rules-engine Operator instance given to both engines as it is.
const divisibleBy = new Operator(
  "divisibleBy",
  (a: unknown, b: unknown) => (a as number) % (b as number) === 0,
  (a: unknown) => Number.isInteger(a),
);
const customOperators: OperatorDefinition[] = [divisibleBy];

const scalar = fc.constantFrom(...SCALARS);
const comparable = fc.constantFrom(...COMPARABLE);
const list = fc.array(scalar, { maxLength: 3 });
const freeValue = fc.oneof(
  scalar,
  fc.constantFrom(...NUMERIC_STRINGS, Number.NaN, Number.POSITIVE_INFINITY, undefined),
  fc.array(fc.oneof(scalar, fc.constantFrom(...NUMERIC_STRINGS)), { maxLength: 3 }),
);
const referencedValue = fc.oneof(scalar, list);
const objectValue = fc.record(
  {
    x: scalar,
    y: fc.oneof(fc.record({ z: scalar }, { noNullPrototype: true }), fc.constant(null)),
    arr: list,
  },
  { requiredKeys: [], noNullPrototype: true },
);
const factsArbitrary = fc.record(
  { a: freeValue, b: freeValue, c: referencedValue, d: referencedValue, o: objectValue, l: list },
  { requiredKeys: [], noNullPrototype: true },
);

const reference = fc.record(
  { fact: fc.constantFrom(...REFERENCED_FACTS, "missing"), path: fc.constantFrom(...PATHS) },
  { requiredKeys: ["fact"] },
);

type Shape = "scalar" | "comparable" | "list" | "divisor";
const literalFor = (shape: Shape): fc.Arbitrary<unknown> =>
  shape === "list"
    ? list
    : shape === "comparable"
      ? comparable
      : shape === "divisor"
        ? fc.constantFrom(1, 2, 3)
        : scalar;

// Which literal each base operator takes, and whether a fact reference may stand in for it.
const BASES: Record<string, { shape: Shape; reference: boolean }> = {
  equal: { shape: "scalar", reference: true },
  notEqual: { shape: "scalar", reference: true },
  in: { shape: "list", reference: false },
  notIn: { shape: "list", reference: false },
  contains: { shape: "scalar", reference: true },
  doesNotContain: { shape: "scalar", reference: true },
  lessThan: { shape: "comparable", reference: true },
  lessThanInclusive: { shape: "comparable", reference: true },
  greaterThan: { shape: "comparable", reference: true },
  greaterThanInclusive: { shape: "comparable", reference: true },
  divisibleBy: { shape: "divisor", reference: true },
};
const DECORATORS = [
  "",
  "",
  "",
  "not:",
  "someFact:",
  "everyFact:",
  "someValue:",
  "everyValue:",
  "swap:",
  "not:someFact:",
];

const leaf: fc.Arbitrary<Condition> = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    path: fc.option(fc.constantFrom(...PATHS), { nil: undefined }),
    base: fc.constantFrom(...Object.keys(BASES)),
    decorator: fc.constantFrom(...DECORATORS),
    useReference: fc.boolean(),
  })
  .filter(({ base, decorator }) => !(decorator === "swap:" && (base === "in" || base === "notIn")))
  .chain(({ fact, path, base, decorator, useReference }) => {
    const { shape, reference: referable } = BASES[base]!;
    const overValues = decorator === "someValue:" || decorator === "everyValue:";
    const value =
      useReference && referable && !overValues
        ? reference
        : overValues
          ? fc.array(literalFor(shape), { maxLength: 3 })
          : literalFor(shape);
    return value.map((v) => ({ fact, operator: `${decorator}${base}`, value: v, ...(path ? { path } : {}) }));
  });

const { condition } = fc.letrec<{ condition: Condition; all: Condition; any: Condition; not: Condition }>(
  (tie) => ({
    condition: fc.oneof(
      { maxDepth: 3, depthIdentifier: "condition" },
      leaf,
      tie("all"),
      tie("any"),
      tie("not"),
    ),
    all: fc.array(tie("condition"), { maxLength: 3 }).map((all) => ({ all })),
    any: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    not: tie("condition").map((not) => ({ not })),
  }),
);

async function jreDecides(c: Condition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator(divisibleBy);
  // jre wants a boolean root; `all` of one condition is that condition. structuredClone: jre keeps state on rules.
  engine.addRule({ conditions: { all: [structuredClone(c)] } as never, event: { type: "match" } });
  const { events } = await engine.run(facts);
  return events.length > 0;
}

describe("compileCondition against json-rules-engine", () => {
  it("decides as Engine.run on random conditions and facts", async () => {
    await fc.assert(
      fc.asyncProperty(condition, factsArbitrary, async (c, facts) => {
        expect(conditionIssues(c, { operators: customOperators })).toEqual([]);
        const ours = compileCondition(c, { operators: customOperators })(facts);
        expect(ours).toBe(await jreDecides(c, facts));
      }),
      // COMPPLAN_DIFF_RUNS=20000 for a deeper search than the default quick run.
      { numRuns: Number(process.env.COMPPLAN_DIFF_RUNS ?? 300) },
    );
  });

  it("agrees on the generator's corner cases", async () => {
    const cases: [Condition, Record<string, unknown>][] = [
      [{ all: [] }, {}],
      [{ not: { all: [] } }, {}],
      [{ fact: "a", operator: "lessThan", value: 5 }, { a: "3" }],
      [{ fact: "a", operator: "greaterThan", value: 1 }, { a: [3] }],
      [{ fact: "a", operator: "lessThan", value: "2024-06-01" }, { a: "2024-01-31" }],
      [{ fact: "a", operator: "in", value: [Number.NaN] }, { a: Number.NaN }],
      [{ fact: "a", operator: "equal", value: 0 }, { a: -0 }],
      [{ fact: "a", path: "$.length", operator: "equal", value: "abc" }, { a: "abc" }],
      [{ fact: "o", path: "$.x.length", operator: "equal", value: 3 }, { o: { x: "abc" } }],
      [{ fact: "a", operator: "not:lessThan", value: 3 }, { a: "x" }],
      [{ fact: "a", operator: "everyFact:greaterThan", value: 3 }, { a: [] }],
    ];
    for (const [c, facts] of cases)
      expect(compileCondition(c)(facts), JSON.stringify(c)).toBe(await jreDecides(c, facts));
  });
});
