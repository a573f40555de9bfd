import { describe, expect, it } from "vitest";
import { describeValue as describeFound } from "../../src/errors/describeValue.js";
import { Decimal } from "../../src/money/index.js";
import { describeValue } from "../../src/rules/describeValue.js";

describe("the rules' describeValue", () => {
  it("describes values as errors/ does (a long text cut, a class instance named), a Decimal as its number", () => {
    const long = "9".repeat(1000);
    for (const value of [undefined, null, [1], { a: 1 }, new Map(), long, "won", 12, true]) {
      expect(describeValue(value)).toBe(describeFound(value));
    }
    // A 1,000-character text is not repeated whole in a message (it was, before both were one).
    expect(describeValue(long)).toBe(`"${"9".repeat(40)}"… (1,000 characters)`);
    expect(describeValue(new Map())).toBe("an instance of Map");
    expect(describeValue(new Decimal("1.50"))).toBe("1.5");
  });
});
