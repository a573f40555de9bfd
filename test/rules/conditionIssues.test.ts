import { describe, expect, it } from "vitest";
import { conditionFacts, conditionIssues } from "../../src/rules/index.js";

const messages = (condition: unknown) => conditionIssues(condition).map((i) => i.message);

describe("conditionIssues", () => {
  it("is empty for a valid condition", () => {
    expect(
      conditionIssues({
        all: [
          { fact: "stage", operator: "equal", value: "won" },
          {
            any: [
              { fact: "amount", operator: "greaterThan", value: "1000.00" },
              { fact: "vip", operator: "equal", value: true },
            ],
          },
          { not: { fact: "region", path: "$.code", operator: "in", value: ["X"] } },
          { fact: "d", operator: "lessThan", value: { fact: "max", path: "$.d" } },
          { fact: "tags", operator: "everyValue:contains", value: ["a", "b"] },
        ],
      }),
    ).toEqual([]);
  });

  it("reports every problem at once, each with its path inside the condition", () => {
    const issues = conditionIssues({
      all: [
        { fact: "amount", operator: "greaterThanInclusiv", value: 1 },
        { fact: "region", operator: "in", value: "EMEA" },
        { fct: "x", operator: "equal", value: 1 },
        { fact: "deal", path: "$.__proto__.x", operator: "equal", value: 1 },
        { any: [] },
        { fact: "d", operator: "gte", vaule: 3 },
        { not: [{ fact: "a", operator: "equal", value: 1 }] },
      ],
    });
    expect(issues).toEqual([
      {
        path: ["all", 0, "operator"],
        message: 'unknown operator "greaterThanInclusiv"; did you mean greaterThanInclusive?',
      },
      { path: ["all", 1, "value"], message: 'in needs a list as value, e.g. [EMEA, APAC]; got "EMEA"' },
      { path: ["all", 2], message: "missing fact: the field to read, e.g. fact: amount" },
      { path: ["all", 2, "fct"], message: 'unknown key "fct"; did you mean fact?' },
      {
        path: ["all", 3, "path"],
        message: '"__proto__" is refused in a path: it would reach JavaScript\'s object internals, not data',
      },
      {
        path: ["all", 4, "any"],
        message:
          "any: [] has no alternatives (json-rules-engine treats it as always true); add conditions or remove it",
      },
      { path: ["all", 5, "operator"], message: 'unknown operator "gte"; did you mean greaterThanInclusive?' },
      {
        path: ["all", 5],
        message: "missing value: what the fact is compared with (write value: null to compare with null)",
      },
      { path: ["all", 5, "vaule"], message: 'unknown key "vaule"; did you mean value?' },
      {
        path: ["all", 6, "not"],
        message: "not takes a single condition, not a list; wrap a list in all or any",
      },
    ]);
  });

  it("reports wrong shapes", () => {
    expect(conditionIssues(null)).toEqual([
      {
        path: [],
        message: "expected a condition (an object with all, any, not, or fact/operator/value), got null",
      },
    ]);
    expect(conditionIssues([])[0]?.message).toMatch(/got a list/);
    expect(conditionIssues({})[0]?.message).toBe(
      "expected all, any, not, or fact/operator/value; found an empty object",
    );
    expect(conditionIssues({ alll: [] })[0]?.message).toBe(
      'expected all, any, not, or fact/operator/value; found "alll" (did you mean all?)',
    );
    expect(conditionIssues({ all: { fact: "a" } })).toEqual([
      { path: ["all"], message: "all must be a list of conditions, got an object" },
    ]);
    expect(conditionIssues({ all: [], any: [{ all: [] }] })[0]?.message).toMatch(
      /exactly one of all, any, not; found all and any/,
    );
    expect(conditionIssues({ all: [], fact: "x" })).toEqual([
      { path: ["fact"], message: "fact cannot sit beside all; put the fact condition inside all" },
    ]);
    expect(conditionIssues({ all: [5] })).toEqual([
      {
        path: ["all", 0],
        message: "expected a condition (an object with all, any, not, or fact/operator/value), got 5",
      },
    ]);
    expect(conditionIssues({ condition: "shared" })[0]?.message).toMatch(/condition references/);
  });

  it("checks fact, operator, value, path and params types", () => {
    expect(messages({ fact: 3, operator: "equal", value: 1 })).toEqual(["fact must be a field name, got 3"]);
    expect(messages({ fact: "", operator: "equal", value: 1 })).toEqual([
      "fact is empty; write the field to read",
    ]);
    expect(messages({ fact: "a", value: 1 })).toEqual(["missing operator, e.g. operator: equal"]);
    expect(messages({ fact: "a", operator: 5, value: 1 })).toEqual([
      "operator must be a name such as equal, got 5",
    ]);
    expect(messages({ fact: "a", operator: "equal", value: 1, path: 3 })).toEqual([
      "path must be text such as $.address.city, got 3",
    ]);
    expect(messages({ fact: "a", operator: "equal", value: 1, params: [] })).toEqual([
      "params must be a mapping, got a list",
    ]);
    expect(messages({ fact: "a", operator: "equal", value: 1, priority: 0, name: 1 })).toEqual([
      "name must be text, got 1",
      "priority must be a number >= 1, got 0",
    ]);
    // `value: null` is a value (YAML `value: ~`); only a missing key is an issue.
    expect(messages({ fact: "a", operator: "equal", value: null })).toEqual([]);
  });

  it("checks fact references", () => {
    expect(conditionIssues({ fact: "a", operator: "equal", value: { fact: "" } })).toEqual([
      { path: ["value", "fact"], message: "fact is empty; write the field to read" },
    ]);
    expect(conditionIssues({ fact: "a", operator: "equal", value: { fact: "b", pth: "$.x" } })).toEqual([
      { path: ["value", "pth"], message: 'unknown key "pth" in a fact reference; did you mean path?' },
    ]);
    expect(
      conditionIssues({ fact: "a", operator: "equal", value: { fact: "b", path: "$..x" } })[0]?.path,
    ).toEqual(["value", "path"]);
    // A reference as in/notIn's list is checked when the condition runs, not here.
    expect(conditionIssues({ fact: "a", operator: "in", value: { fact: "b" } })).toEqual([]);
  });

  it("refuses literals that can never match", () => {
    expect(messages({ fact: "a", operator: "notIn", value: 3 })).toEqual([
      "notIn needs a list as value, e.g. [EMEA, APAC]; got 3",
    ]);
    expect(messages({ fact: "a", operator: "greaterThan", value: null })).toEqual([
      "greaterThan compares with a number or a text such as a date, got null",
    ]);
    expect(messages({ fact: "a", operator: "lessThan", value: [1] })[0]).toMatch(
      /lessThan compares with a number/,
    );
    expect(messages({ fact: "a", operator: "equal", value: ["a"] })[0]).toMatch(
      /equal compares single values/,
    );
    expect(messages({ fact: "a", operator: "contains", value: ["a", "b"] })[0]).toMatch(
      /for several use everyValue:contains or someValue:contains/,
    );
    // Through decorators: someValue needs a list whose elements suit the operator.
    expect(messages({ fact: "a", operator: "someValue:equal", value: "x" })).toEqual([
      'someValue (in "someValue:equal") needs a list as value',
    ]);
    expect(messages({ fact: "a", operator: "someValue:in", value: ["x"] })[0]).toMatch(/in needs a list/);
    expect(messages({ fact: "a", operator: "someValue:in", value: [["x"]] })).toEqual([]);
    expect(messages({ fact: "a", operator: "not:in", value: "x" })[0]).toMatch(/in needs a list/);
    // swap puts the literal on the fact side: nothing to check against.
    expect(messages({ fact: "a", operator: "swap:in", value: "x" })).toEqual([]);
    // Dates and Decimals are fine for number operators.
    expect(messages({ fact: "a", operator: "lessThan", value: "2024-01-31" })).toEqual([]);
  });

  it("explains unknown operators and decorators, with aliases people write", () => {
    expect(messages({ fact: "a", operator: ">=", value: 1 })).toEqual([
      'unknown operator ">="; did you mean greaterThanInclusive?',
    ]);
    expect(messages({ fact: "a", operator: "lessthan", value: 1 })).toEqual([
      'unknown operator "lessthan"; did you mean lessThan?',
    ]);
    expect(messages({ fact: "a", operator: "nto:in", value: [1] })).toEqual([
      'unknown operator decorator "nto" in "nto:in"; did you mean not?',
    ]);
    expect(messages({ fact: "a", operator: "not:inn", value: [1] })).toEqual([
      'unknown operator "inn" in "not:inn"; did you mean in?',
    ]);
    expect(messages({ fact: "a", operator: "frobnicate", value: 1 })).toEqual([
      'unknown operator "frobnicate"',
    ]);
  });

  it("knows custom operators, and suggests them", () => {
    const operators = [{ name: "startsWith", evaluate: () => true }];
    expect(conditionIssues({ fact: "a", operator: "startsWith", value: "x" }, { operators })).toEqual([]);
    expect(conditionIssues({ fact: "a", operator: "startWith", value: "x" }, { operators })[0]?.message).toBe(
      'unknown operator "startWith"; did you mean startsWith?',
    );
    // A custom operator replacing `in` is not held to in's literal rules.
    const loose = [{ name: "in", evaluate: () => true }];
    expect(conditionIssues({ fact: "a", operator: "in", value: "x" }, { operators: loose })).toEqual([]);
  });
});

describe("conditionFacts", () => {
  it("lists the facts read, references included, sorted and unique", () => {
    expect(
      conditionFacts({
        any: [
          { fact: "stage", operator: "equal", value: "won" },
          { not: { fact: "discount", operator: "lessThan", value: { fact: "maxDiscount", path: "$.x" } } },
          { all: [{ fact: "stage", operator: "notEqual", value: "lost" }] },
        ],
      }),
    ).toEqual(["discount", "maxDiscount", "stage"]);
  });

  it("reads what it can from an invalid condition", () => {
    expect(conditionFacts({ all: [{ fact: "a" }, 5, null, { fact: 3 }] })).toEqual(["a"]);
    expect(conditionFacts(null)).toEqual([]);
  });
});
