import { describe, expect, it } from "vitest";
import { BUILTIN_OPERATOR_NAMES, didYouMean } from "../../src/rules/index.js";

const OPERATORS = [...BUILTIN_OPERATOR_NAMES];

describe("didYouMean", () => {
  it("finds the closest candidate within a third of the word's letters", () => {
    expect(didYouMean("greaterThanInclusiv", OPERATORS)).toBe("greaterThanInclusive");
    expect(didYouMean("greaterThen", OPERATORS)).toBe("greaterThan");
    expect(didYouMean("lessTahn", OPERATORS)).toBe("lessThan"); // a swap of two letters is one edit
    expect(didYouMean("GREATERTHAN", OPERATORS)).toBe("greaterThan"); // case does not count
    expect(didYouMean("notin", OPERATORS)).toBe("notIn");
    expect(didYouMean("im", OPERATORS)).toBe("in");
    expect(didYouMean("quota", ["qouta", "quotas"])).toBe("qouta"); // tie: the earlier candidate wins
  });

  it("gives nothing when no candidate is plausible", () => {
    expect(didYouMean("banana", OPERATORS)).toBeUndefined();
    expect(didYouMean("gte", OPERATORS)).toBeUndefined();
    expect(didYouMean("x", [])).toBeUndefined();
    expect(didYouMean("equal", OPERATORS)).toBeUndefined(); // not misspelt
  });

  it("accepts any iterable", () => {
    expect(didYouMean("amont", new Set(["amount", "owner"]))).toBe("amount");
  });
});
