import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testPlan } from "../src/evaluate/index.js";
import { loadPlan } from "../src/plan/index.js";

// Every template must validate and pass the unit tests written inside it (their expected amounts are
// computed by hand in the YAML comments above them).
const files = readdirSync("plans").filter((f) => f.endsWith(".yaml"));

describe("plan templates", () => {
  it("there are at least five", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  for (const file of files) {
    it(`${file} validates and passes its own tests`, () => {
      const plan = loadPlan(`plans/${file}`);
      const results = testPlan(plan);
      expect(results.length).toBeGreaterThanOrEqual(2);
      for (const r of results) expect(r.failures, `${file} › ${r.name}`).toEqual([]);
    });
  }
});
