// Every function exported from src/index.ts, called with wrong values, either returns or throws a CompplanError
// with a non-empty string code: never a raw TypeError, RangeError, DecimalError or ENOENT.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

// Constructors are not calls of the API: the error classes, and decimal.js's Decimal (its own errors).
const CONSTRUCTORS = new Set(["Decimal"]);
const functions = Object.entries(api).filter(
  ([name, value]) =>
    typeof value === "function" &&
    !CONSTRUCTORS.has(name) &&
    !/^class\b/.test(Function.prototype.toString.call(value)),
) as [string, (...args: unknown[]) => unknown][];

class Foo {
  a = 1;
}

// Wrong values: nothing, wrong primitives, wrong containers, objects whose fields are wrong (named as the
// fields of the API's inputs: plans, results, options, hierarchies), class instances, symbols, huge text.
const fields = [
  "id",
  "plan",
  "periods",
  "statements",
  "participants",
  "transactions",
  "period",
  "rows",
  "lines",
  "hierarchy",
  "rounding",
  "measures",
  "components",
  "year",
  "runs",
  "amount",
  "at",
  "path",
  "source",
  "annual",
];
const primitive = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "",
    "abc",
    "2026",
    "2026-13-45",
    true,
    false,
    10n,
    Symbol("s"),
  ),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 5 }),
);
const wrong: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 4, arbitrary: primitive },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        new Foo(),
        new Date(0),
        new Date(Number.NaN),
        () => 1,
        new Map(),
        Object.create(null),
        "x".repeat(100_000),
        [null],
        {},
      ),
    },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...fields), tie("value"), { maxKeys: 4 }) },
  ),
})).value;

async function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  try {
    await fn(...args);
    return undefined;
  } catch (e) {
    return e;
  }
}

function expectCompplanError(name: string, args: unknown[], error: unknown): void {
  if (error === undefined) return;
  const ok = error instanceof api.CompplanError && typeof error.code === "string" && error.code !== "";
  if (!ok) {
    const shown = args.map((a) => show(a));
    throw new Error(
      `${name}(${shown.join(", ")}) threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`,
    );
  }
}

// A wrong value as the failure message shows it (JSON.stringify alone throws on a BigInt).
function show(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === "bigint" || typeof v === "symbol" ? String(v) : v,
  );
  return String(text ?? String(value)).slice(0, 80);
}

describe("misuse of the public API", () => {
  it("enumerates the exported functions", () => {
    expect(functions.length).toBeGreaterThan(90);
  });

  // Each wrong value in each argument position, the others left out: the calls a reader of the types would
  // count (the "misuse calls" of issue 12).
  it("each function, each argument, each simple wrong value → returns or throws a CompplanError", async () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      Number.NaN,
      -1,
      1.5,
      Number.POSITIVE_INFINITY,
      "",
      "abc",
      "2026",
      [],
      [null],
      [1],
      {},
      { id: 1, periods: 1, statements: null, plan: 5, transactions: {}, rows: 3 },
      new Foo(),
      Symbol("s"),
      new Date(0),
      () => 1,
      true,
      10n,
      Object.create(null),
      "x".repeat(100_000),
    ];
    let calls = 0;
    for (const [name, fn] of functions) {
      const arity = Math.max(1, fn.length);
      for (let position = 0; position < arity; position++) {
        for (const value of values) {
          const args = Array.from({ length: arity }, (_, i) => (i === position ? value : undefined));
          expectCompplanError(name, args, await outcome(fn, args));
          calls++;
        }
      }
    }
    expect(calls).toBeGreaterThan(3000);
  });

  it("property: random wrong arguments → returns or throws a CompplanError with a code", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...functions),
        fc.array(wrong, { maxLength: 4 }),
        async ([name, fn], args) => expectCompplanError(name, args, await outcome(fn, args)),
      ),
      { numRuns: 3000 },
    );
  });
});
