import { Operator } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { Decimal } from "../../src/money/index.js";
import {
  type Condition,
  ConditionError,
  type CustomOperator,
  compileCondition,
  type Facts,
} from "../../src/rules/index.js";

const test = (condition: Condition, facts: Facts, options?: Parameters<typeof compileCondition>[1]) =>
  compileCondition(condition, options)(facts);
const leaf = (operator: string, value: unknown, fact = "x"): Condition => ({ fact, operator, value });

describe("equal / notEqual", () => {
  it("compares by strict identity, as json-rules-engine", () => {
    expect(test(leaf("equal", "won"), { x: "won" })).toBe(true);
    expect(test(leaf("equal", "won"), { x: "Won" })).toBe(false);
    expect(test(leaf("equal", 5), { x: "5" })).toBe(false); // no type coercion
    expect(test(leaf("equal", null), { x: null })).toBe(true);
    expect(test(leaf("equal", null), {})).toBe(false); // missing is undefined, not null
    expect(test(leaf("equal", true), { x: true })).toBe(true);
    expect(test(leaf("notEqual", "won"), { x: "lost" })).toBe(true);
    expect(test(leaf("notEqual", "won"), { x: "won" })).toBe(false);
    expect(test(leaf("notEqual", "won"), {})).toBe(true);
  });

  it("compares a Decimal with a numeric value by decimal value", () => {
    // Decimal 1000.50 and the number 1000.5 are the same amount.
    expect(test(leaf("equal", 1000.5), { x: new Decimal("1000.50") })).toBe(true);
    expect(test(leaf("equal", "1000.5"), { x: new Decimal("1000.50") })).toBe(true);
    expect(test(leaf("equal", new Decimal("7.0")), { x: 7 })).toBe(true);
    expect(test(leaf("equal", new Decimal("7")), { x: new Decimal("7.000") })).toBe(true);
    expect(test(leaf("equal", new Decimal("7")), { x: "seven" })).toBe(false);
    expect(test(leaf("notEqual", 1000.5), { x: new Decimal("1000.51") })).toBe(true);
  });
});

describe("in / notIn", () => {
  const regions = ["EMEA", "APAC"];
  it("tests membership by identity", () => {
    expect(test(leaf("in", regions), { x: "EMEA" })).toBe(true);
    expect(test(leaf("in", regions), { x: "emea" })).toBe(false);
    expect(test(leaf("in", regions), {})).toBe(false);
    expect(test(leaf("in", []), { x: "EMEA" })).toBe(false);
    expect(test(leaf("notIn", regions), { x: "AMER" })).toBe(true);
    expect(test(leaf("notIn", regions), { x: "APAC" })).toBe(false);
    expect(test(leaf("notIn", []), {})).toBe(true);
    expect(test(leaf("in", [1, 2]), { x: "1" })).toBe(false);
  });

  it("never finds NaN, and finds 0 for -0, as Array.indexOf", () => {
    expect(test(leaf("in", [Number.NaN]), { x: Number.NaN })).toBe(false);
    expect(test(leaf("in", [0]), { x: -0 })).toBe(true);
    expect(test(leaf("in", [undefined]), {})).toBe(true);
  });

  it("matches Decimals by value, both ways", () => {
    expect(test(leaf("in", [100, 200]), { x: new Decimal("200.00") })).toBe(true);
    expect(test(leaf("in", [new Decimal("0.1")]), { x: "0.10" })).toBe(true);
    expect(test(leaf("in", [new Decimal("0.1")]), { x: 0.1 })).toBe(true);
    expect(test(leaf("notIn", [new Decimal("0.1")]), { x: 0.2 })).toBe(true);
  });

  it("reads the list from a fact reference, like json-rules-engine (substring search on text)", () => {
    const c: Condition = { fact: "x", operator: "in", value: { fact: "allowed" } };
    expect(test(c, { x: "b", allowed: ["a", "b"] })).toBe(true);
    expect(test(c, { x: "EM", allowed: "EMEA;APAC" })).toBe(true); // jre: "EMEA;APAC".indexOf("EM")
    expect(test(c, { x: new Decimal(2), allowed: ["2"] })).toBe(true);
  });

  it("throws CONDITION_EVALUATION where json-rules-engine throws: the referenced list is missing", () => {
    const c: Condition = { fact: "x", operator: "in", value: { fact: "allowed" } };
    expect(() => test(c, { x: "b" })).toThrow(expect.objectContaining({ code: "CONDITION_EVALUATION" }));
    expect(() => test(c, { x: "b", allowed: 3 })).toThrow(/in: the value to look in must be a list, got 3/);
  });
});

describe("contains / doesNotContain", () => {
  it("looks for one element in a list fact", () => {
    expect(test(leaf("contains", "vip"), { x: ["new", "vip"] })).toBe(true);
    expect(test(leaf("contains", "vip"), { x: [] })).toBe(false);
    expect(test(leaf("doesNotContain", "vip"), { x: ["new"] })).toBe(true);
    expect(test(leaf("doesNotContain", "vip"), { x: ["vip"] })).toBe(false);
    expect(test(leaf("contains", new Decimal(3)), { x: [1, 3] })).toBe(true);
  });

  it("is false both ways when the fact is not a list (json-rules-engine's validator)", () => {
    expect(test(leaf("contains", "v"), { x: "vip" })).toBe(false);
    expect(test(leaf("doesNotContain", "z"), { x: "vip" })).toBe(false);
    expect(test(leaf("doesNotContain", "z"), {})).toBe(false);
  });
});

describe("number operators", () => {
  it("respect boundaries", () => {
    expect(test(leaf("lessThan", 10), { x: 9 })).toBe(true);
    expect(test(leaf("lessThan", 10), { x: 10 })).toBe(false);
    expect(test(leaf("lessThanInclusive", 10), { x: 10 })).toBe(true);
    expect(test(leaf("lessThanInclusive", 10), { x: 10.000001 })).toBe(false);
    expect(test(leaf("greaterThan", 10), { x: 10 })).toBe(false);
    expect(test(leaf("greaterThan", 10), { x: 11 })).toBe(true);
    expect(test(leaf("greaterThanInclusive", 10), { x: 10 })).toBe(true);
    expect(test(leaf("greaterThanInclusive", 10), { x: 9.999999 })).toBe(false);
    expect(test(leaf("greaterThan", -1), { x: -0.5 })).toBe(true);
  });

  it("compare money exactly, never as floats", () => {
    // 10000000000000000.01 > 10000000000000000: true; as floats both are 1e16 and the test would be false.
    expect(test(leaf("greaterThan", 10000000000000000), { x: "10000000000000000.01" })).toBe(true);
    expect(test(leaf("greaterThan", "10000000000000000"), { x: "10000000000000000.01" })).toBe(true);
    // 0.1 + 0.2 as a Decimal is exactly 0.3, so it is not greater than 0.3 (as floats it would be).
    const sum = new Decimal("0.1").plus("0.2");
    expect(test(leaf("greaterThan", 0.3), { x: sum })).toBe(false);
    expect(test(leaf("greaterThanInclusive", "0.3"), { x: sum })).toBe(true);
    // 1000.50 >= 1000.5: equal amounts written differently.
    expect(test(leaf("greaterThanInclusive", 1000.5), { x: "1000.50" })).toBe(true);
    expect(test(leaf("lessThan", "1000.50"), { x: "1000.49" })).toBe(true);
    // Two decimal strings compare as numbers: 10 < 9 is false (json-rules-engine compares them as text: true).
    expect(test(leaf("lessThan", "9"), { x: "10" })).toBe(false);
    expect(test(leaf("lessThan", "100.00"), { x: "99.99" })).toBe(true);
    // Beyond float precision on both sides: 123456789012345678.9 < 123456789012345678.95.
    expect(test(leaf("lessThan", "123456789012345678.95"), { x: new Decimal("123456789012345678.9") })).toBe(
      true,
    );
    expect(test(leaf("lessThan", 5n), { x: "4.99" })).toBe(true);
    // Blanks around a decimal string are allowed, as in tryDecimal.
    expect(test(leaf("greaterThan", 12), { x: " 12.5 " })).toBe(true);
  });

  it("are false when the fact is not numeric (json-rules-engine's parseFloat validator)", () => {
    for (const x of ["abc", "", null, undefined, true, {}, Number.NaN]) {
      expect(test(leaf("greaterThan", -1000), { x })).toBe(false);
      expect(test(leaf("lessThan", 1000), { x })).toBe(false);
    }
  });

  it("fall back to json-rules-engine's JavaScript comparison when a side is not a decimal number", () => {
    // ISO dates pass the validator (parseFloat reads 2024) and compare as text, which orders them.
    expect(test(leaf("lessThan", "2024-06-01"), { x: "2024-01-31" })).toBe(true);
    expect(test(leaf("greaterThanInclusive", "2024-06-01"), { x: "2024-06-01" })).toBe(true);
    // Infinity is not a decimal, but jre compares it as JavaScript does.
    expect(test(leaf("greaterThan", 1e308), { x: Number.POSITIVE_INFINITY })).toBe(true);
    // "12abc" passes the validator, then 12abc < 20 is NaN < 20: false.
    expect(test(leaf("lessThan", 20), { x: "12abc" })).toBe(false);
    // A one-element list passes parseFloat and compares as its text: [5] > 1.
    expect(test(leaf("greaterThan", 1), { x: [5] })).toBe(true);
    // An object without a prototype cannot become a string: false, where jre would throw.
    expect(test(leaf("greaterThan", { fact: "y" } as never), { x: 3, y: Object.create(null) })).toBe(false);
    expect(test(leaf("greaterThan", 1), { x: Object.create(null) })).toBe(false);
  });

  it("compare two facts through a reference", () => {
    const c: Condition = { fact: "discount", operator: "lessThanInclusive", value: { fact: "maxDiscount" } };
    expect(test(c, { discount: "0.15", maxDiscount: "0.150" })).toBe(true);
    expect(test(c, { discount: "0.1500001", maxDiscount: 0.15 })).toBe(false);
    expect(test(c, { discount: "0.15" })).toBe(false); // 0.15 <= undefined
  });
});

describe("all / any / not", () => {
  const won = leaf("equal", "won", "stage");
  const big = leaf("greaterThan", 1000, "amount");
  it("combine as logic says, with all: [] true", () => {
    expect(test({ all: [] }, {})).toBe(true);
    expect(test({ not: { all: [] } }, {})).toBe(false);
    expect(test({ all: [won, big] }, { stage: "won", amount: 2000 })).toBe(true);
    expect(test({ all: [won, big] }, { stage: "won", amount: 10 })).toBe(false);
    expect(test({ any: [won, big] }, { stage: "lost", amount: 2000 })).toBe(true);
    expect(test({ any: [won, big] }, { stage: "lost", amount: 10 })).toBe(false);
    expect(test({ not: won }, { stage: "lost" })).toBe(true);
    expect(test({ not: { not: won } }, { stage: "won" })).toBe(true);
  });

  it("handle many children (the unrolled small cases and the loop)", () => {
    const ones = (n: number, truth: boolean) =>
      Array.from({ length: n }, (_, i) => leaf("equal", i === n - 1 ? truth : true, `f${i}`));
    const facts = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}`, true]));
    for (let n = 1; n <= 6; n++) {
      expect(test({ all: ones(n, true) }, facts)).toBe(true);
      expect(test({ all: ones(n, false) }, facts)).toBe(n === 0);
      expect(test({ any: ones(n, false) }, { ...facts, [`f${n - 1}`]: "no" })).toBe(n > 1);
      expect(test({ any: [...ones(n, false).map((c) => ({ not: c }))] }, facts)).toBe(true);
    }
  });

  it("accept a fact condition at the root, and name/priority annotations", () => {
    expect(test(won, { stage: "won" })).toBe(true);
    expect(
      test({ all: [{ ...won, name: "won", priority: 2 }], name: "x", priority: 1 }, { stage: "won" }),
    ).toBe(true);
  });
});

describe("facts", () => {
  it("are read as own properties only", () => {
    expect(test(leaf("equal", undefined, "toString") as never, {})).toBe(true);
    const inherited = Object.create({ stage: "won" }) as Facts;
    expect(test(leaf("equal", "won", "stage"), inherited)).toBe(false);
  });

  it("are own whatever the object's prototype, and whatever the name", () => {
    // A value equal to Object.prototype's own is asked whether it is own: inherited here, own there.
    expect(test(leaf("equal", Object.prototype.toString, "toString") as never, {})).toBe(false);
    const own = { toString: Object.prototype.toString } as unknown as Facts;
    expect(test(leaf("equal", Object.prototype.toString, "toString") as never, own)).toBe(true);
    // Objects without a prototype, and objects of a class (whose prototype's fields are not facts).
    const bare = Object.assign(Object.create(null), { stage: "won" }) as Facts;
    expect(test(leaf("equal", "won", "stage"), bare)).toBe(true);
    class Deal {
      get stage() {
        return "won";
      }
    }
    expect(test(leaf("equal", "won", "stage"), new Deal() as unknown as Facts)).toBe(false);
    // A field named __proto__ (a CSV column) counts when own, never as the prototype.
    const column = {} as Record<string, unknown>;
    Object.defineProperty(column, "__proto__", { value: "x", enumerable: true });
    expect(test(leaf("equal", "x", "__proto__"), column)).toBe(true);
    expect(test(leaf("equal", undefined, "__proto__"), {})).toBe(true);
  });

  it("are read through a safe path", () => {
    const deal = { account: { address: { city: "Lyon" }, tags: ["vip", "new"], "zip code": "69001" } };
    expect(
      test({ fact: "deal", path: "$.account.address.city", operator: "equal", value: "Lyon" }, deal),
    ).toBe(false);
    const facts = { deal };
    expect(
      test({ fact: "deal", path: "$.account.address.city", operator: "equal", value: "Lyon" }, facts),
    ).toBe(true);
    expect(test({ fact: "deal", path: "$.account.tags[0]", operator: "equal", value: "vip" }, facts)).toBe(
      true,
    );
    expect(
      test({ fact: "deal", path: "$['account']['zip code']", operator: "equal", value: "69001" }, facts),
    ).toBe(true);
    expect(test({ fact: "deal", path: '$.account["tags"][1]', operator: "equal", value: "new" }, facts)).toBe(
      true,
    );
    expect(test({ fact: "deal", path: "$.account.tags.length", operator: "equal", value: 2 }, facts)).toBe(
      true,
    );
    expect(
      test({ fact: "deal", path: "$.account.tags[5]", operator: "equal", value: undefined }, facts),
    ).toBe(true);
    expect(
      test({ fact: "deal", path: "$.account.nope.deeper", operator: "equal", value: undefined }, facts),
    ).toBe(true);
    expect(test({ fact: "deal", path: "$", operator: "equal", value: { fact: "deal" } }, facts)).toBe(true);
    // Never the prototype chain: toString exists on every object, but not as an own property.
    expect(
      test({ fact: "deal", path: "$.account.toString", operator: "equal", value: undefined }, facts),
    ).toBe(true);
  });

  it("ignore the path when the fact is not an object, as json-rules-engine does", () => {
    expect(test({ fact: "x", path: "$.length", operator: "equal", value: "abc" }, { x: "abc" })).toBe(true);
    expect(test({ fact: "x", path: "$.a.b", operator: "equal", value: 5 }, { x: 5 })).toBe(true);
    expect(test({ fact: "x", path: "$.a", operator: "equal", value: null }, { x: null })).toBe(true);
    // Inside an object, JSONPath does not walk into an empty string (falsy): its length is undefined.
    expect(
      test({ fact: "x", path: "$.s.length", operator: "equal", value: undefined }, { x: { s: "" } }),
    ).toBe(true);
    expect(test({ fact: "x", path: "$.s.length", operator: "equal", value: 2 }, { x: { s: "ab" } })).toBe(
      true,
    );
  });

  it("are read through a path in a fact reference too", () => {
    const c: Condition = {
      fact: "amount",
      operator: "greaterThanInclusive",
      value: { fact: "targets", path: "$.spiff.threshold" },
    };
    expect(test(c, { amount: "5000.00", targets: { spiff: { threshold: "5000" } } })).toBe(true);
    expect(test(c, { amount: "4999.99", targets: { spiff: { threshold: "5000" } } })).toBe(false);
  });

  it("refuse __proto__, constructor and prototype in paths, at compile time", () => {
    for (const path of [
      "$.__proto__",
      "$.constructor.name",
      "$.a.prototype",
      "$['__proto__']",
      '$["constructor"]',
    ]) {
      expect(() => compileCondition({ fact: "x", path, operator: "equal", value: 1 })).toThrow(
        ConditionError,
      );
    }
    // Even as an own data key (JSON.parse makes one), a forbidden name cannot be read.
    expect(() =>
      compileCondition({ fact: "x", operator: "equal", value: { fact: "y", path: "$.__proto__.polluted" } }),
    ).toThrow(/__proto__/);
  });
});

describe("operator decorators (json-rules-engine 7)", () => {
  it("not, someFact, everyFact, someValue, everyValue, swap", () => {
    expect(test(leaf("not:in", ["a"]), { x: "b" })).toBe(true);
    expect(test(leaf("someFact:greaterThan", 100), { x: [5, 150] })).toBe(true);
    expect(test(leaf("someFact:greaterThan", 100), { x: 150 })).toBe(false); // not a list
    expect(test(leaf("everyFact:greaterThan", 100), { x: [150, "200.5"] })).toBe(true);
    expect(test(leaf("everyFact:greaterThan", 100), { x: [] })).toBe(true);
    expect(test(leaf("someValue:equal", ["a", "b"]), { x: "b" })).toBe(true);
    expect(test(leaf("everyValue:notEqual", ["a", "b"]), { x: "c" })).toBe(true);
    expect(test(leaf("everyValue:contains", ["a", "b"]), { x: ["b", "a"] })).toBe(true);
    expect(test(leaf("swap:contains", ["a", "b"]), { x: "a" })).toBe(true); // ["a","b"] contains the fact
    expect(test(leaf("swap:in", "a"), { x: ["a"] })).toBe(true);
    expect(test(leaf("not:someFact:equal", 1), { x: [2, 3] })).toBe(true);
    // not:contains differs from doesNotContain on a non-list: jre's validator sits under the not.
    expect(test(leaf("not:contains", "v"), { x: "vip" })).toBe(true);
  });

  it("someValue needs a list, also through a fact reference", () => {
    const c: Condition = { fact: "x", operator: "someValue:equal", value: { fact: "y" } };
    expect(test(c, { x: 2, y: [1, 2] })).toBe(true);
    expect(() => test(c, { x: 2, y: 2 })).toThrow(/someValue: the value must be a list/);
  });
});

describe("custom operators", () => {
  const startsWith: CustomOperator = {
    name: "startsWith",
    evaluate: (fact, prefix) => (fact as string).startsWith(String(prefix)),
    validate: (fact) => typeof fact === "string",
  };
  const options = { operators: [startsWith] };

  it("are used like built-ins, validator first", () => {
    expect(test(leaf("startsWith", "SUB-"), { x: "SUB-001" }, options)).toBe(true);
    expect(test(leaf("startsWith", "SUB-"), { x: "HW-001" }, options)).toBe(false);
    expect(test(leaf("startsWith", "SUB-"), { x: 12 }, options)).toBe(false); // evaluate never sees 12
    expect(test(leaf("not:startsWith", "SUB-"), { x: 12 }, options)).toBe(true);
    expect(test(leaf("someFact:startsWith", "SUB-"), { x: ["HW", "SUB-2"] }, options)).toBe(true);
  });

  it("pass only on exactly true", () => {
    const truthy = { name: "truthy", evaluate: () => 1 as unknown as boolean };
    expect(test(leaf("truthy", 0), {}, { operators: [truthy] })).toBe(false);
  });

  it("can replace a built-in, as engine.addOperator does", () => {
    const caseless: CustomOperator = {
      name: "equal",
      evaluate: (a, b) => String(a).toLowerCase() === String(b).toLowerCase(),
    };
    expect(test(leaf("equal", "WON"), { x: "won" }, { operators: [caseless] })).toBe(true);
  });

  it("accept json-rules-engine Operator instances", () => {
    const even = new Operator(
      "isEven",
      (a: number) => a % 2 === 0,
      (a: unknown) => Number.isInteger(a),
    );
    expect(test(leaf("isEven", null), { x: 4 }, { operators: [even] })).toBe(true);
    expect(test(leaf("isEven", null), { x: 3 }, { operators: [even] })).toBe(false);
    expect(test(leaf("isEven", null), { x: "4" }, { operators: [even] })).toBe(false);
    // The duck-typed shape (cb + factValueValidator) without jre's evaluate method.
    const shaped = { name: "isOdd", cb: (a: number) => a % 2 === 1, factValueValidator: Number.isInteger };
    expect(test(leaf("isOdd", null), { x: 3 }, { operators: [shaped as never] })).toBe(true);
  });

  it("must have a name and an evaluate function", () => {
    expect(() => compileCondition(won(), { operators: [{ name: "", evaluate: () => true }] })).toThrow(
      expect.objectContaining({ code: "OPERATOR_INVALID" }),
    );
    expect(() => compileCondition(won(), { operators: [{ name: "x" } as never] })).toThrow(
      /no evaluate function/,
    );
  });
  const won = (): Condition => leaf("equal", "won");
});

describe("compile errors", () => {
  it("throw a CompplanError with code CONDITION_INVALID listing every issue", () => {
    try {
      compileCondition({ all: [leaf("greaterThen", 1), leaf("in", "EMEA"), { fact: "x" } as never] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompplanError);
      expect(error).toBeInstanceOf(ConditionError);
      const e = error as ConditionError;
      expect(e.code).toBe("CONDITION_INVALID");
      expect(e.issues.map((i) => i.path)).toEqual([
        ["all", 0, "operator"],
        ["all", 1, "value"],
        ["all", 2],
        ["all", 2],
      ]);
      expect(e.message).toContain(
        'all[0].operator: unknown operator "greaterThen"; did you mean greaterThan?',
      );
      expect(e.message).toContain("all[1].value: in needs a list");
    }
  });
});
