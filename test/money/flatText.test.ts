import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flatText } from "../../src/money/flatText.js";

describe("flatText", () => {
  it("gives back the same text, whatever it was built from", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), (pieces) => {
        // A text joined from pieces (a tree of them in V8), and the same text written at once.
        let joined = "";
        for (const piece of pieces) joined = `${joined}${piece}`;
        expect(flatText(joined)).toBe(pieces.join(""));
      }),
    );
  });

  it("keeps the empty text and numeric text as they are", () => {
    expect(flatText("")).toBe("");
    expect(flatText(`${"162"}.${"9838".repeat(10)}`)).toBe(`162.${"9838".repeat(10)}`);
  });
});
