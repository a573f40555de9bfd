import { describe, expect, it } from "vitest";
import { parseFactPath } from "../../src/rules/index.js";
import { readOwnPath } from "../../src/rules/readOwnPath.js";

const keys = (path: string) => {
  const parsed = parseFactPath(path);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.keys;
};
const refusal = (path: string) => {
  const parsed = parseFactPath(path);
  return parsed.ok ? undefined : parsed.message;
};

describe("parseFactPath", () => {
  it("reads the safe subset: $, .name, ['name'], [\"name\"], [index]", () => {
    expect(keys("$")).toEqual([]);
    expect(keys("$.address.city")).toEqual(["address", "city"]);
    expect(keys("$.tags[0]")).toEqual(["tags", "0"]);
    expect(keys("$['zip code']")).toEqual(["zip code"]);
    expect(keys('$["first name"].initial')).toEqual(["first name", "initial"]);
    expect(keys("$.matrix[10][2]")).toEqual(["matrix", "10", "2"]);
    expect(keys("$.first-name._x.0")).toEqual(["first-name", "_x", "0"]);
    expect(keys("$['']")).toEqual([""]);
    expect(keys("$['é:x/y']")).toEqual(["é:x/y"]);
  });

  it("refuses __proto__, constructor and prototype in any spelling", () => {
    for (const path of [
      "$.__proto__",
      "$.a.constructor",
      "$.prototype",
      "$['__proto__']",
      '$.a["constructor"].b',
    ]) {
      expect(refusal(path)).toMatch(/is refused in a path: it would reach JavaScript's object internals/);
    }
  });

  it("refuses wildcards, recursive descent, filters, scripts and slices, saying why", () => {
    expect(refusal("$..city")).toMatch(/recursive descent \(\.\.\) is not supported/);
    expect(refusal("$.*")).toMatch(/wildcards/);
    expect(refusal("$.tags[*]")).toMatch(/wildcards/);
    expect(refusal("$*")).toMatch(/wildcards/);
    expect(refusal("$.tags[?(@.x > 1)]")).toMatch(/filters and script expressions/);
    expect(refusal("$[(this.constructor)]")).toMatch(/filters and script expressions/);
    expect(refusal("$@")).toMatch(/filters and script expressions/);
    expect(refusal("$.tags[-1]")).toMatch(/negative indexes and slices/);
    expect(refusal("$.tags[0:2]")).toMatch(/slices are not supported/);
    expect(refusal("$.tags[:2]")).toMatch(/negative indexes and slices/);
  });

  it("refuses malformed paths with a pointer", () => {
    expect(refusal("")).toBe("path is empty; write $.field, or remove path");
    expect(refusal("address.city")).toBe(
      "path must start with $, as in $.address.city; did you mean $.address.city?",
    );
    expect(refusal(".city")).toBe("path must start with $, as in $.address.city");
    expect(refusal("$.")).toBe("path ends with '.'; expected a name after it");
    expect(refusal("$.a b")).toBe("unexpected \" \" at column 4; expected .name, ['name'] or [index]");
    expect(refusal("$.a.é")).toMatch(/unexpected "é" at column 5/);
    expect(refusal("$['city]")).toBe("unterminated quoted name at column 3");
    expect(refusal("$['city'")).toBe("expected ] at column 9");
    expect(refusal("$[01]")).toBe("index 01 has a leading zero");
    expect(refusal("$[city]")).toBe("expected a quoted name or an index after [ at column 2");
    expect(refusal("$['@a']")).toBe('a quoted name cannot contain "@" (column 4)');
    expect(refusal("$['a\\b']")).toMatch(/cannot contain "\\\\"/);
    expect(refusal("$['..']")).toMatch(/not a usable name/);
  });
});

describe("readOwnPath", () => {
  it("walks own properties and nothing else", () => {
    const value = { a: { b: [10, { c: "x" }] }, s: "abc", empty: "" };
    expect(readOwnPath(value, ["a", "b", "1", "c"])).toBe("x");
    expect(readOwnPath(value, ["a", "b", "length"])).toBe(2);
    expect(readOwnPath(value, ["s", "0"])).toBe("a");
    expect(readOwnPath(value, ["empty", "length"])).toBeUndefined(); // JSONPath does not walk into falsy values
    expect(readOwnPath(value, ["a", "toString"])).toBeUndefined();
    expect(readOwnPath(value, ["a", "b", "9"])).toBeUndefined();
    expect(readOwnPath(value, ["x", "y", "z"])).toBeUndefined();
    expect(readOwnPath(JSON.parse('{"__proto__": {"admin": true}}'), ["admin"])).toBeUndefined();
    expect(readOwnPath(value, [])).toBe(value);
  });
});
