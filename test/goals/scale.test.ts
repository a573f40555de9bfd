// Hierarchies at the sizes that once overflowed the stack or took quadratic time: 200,000 direct reports of one
// manager, and a 20,000-deep chain.
import { describe, expect, it } from "vitest";
import { buildHierarchy, managersOf, reportsOf, teamQuotas, teamRollup } from "../../src/goals/index.js";
import { timeRatio } from "../helpers/timeRatio.js";

describe("hierarchies at scale", () => {
  it("a manager with 200,000 direct reports: reports, team quota and rollup (a spread overflowed the stack)", () => {
    const n = 200_000;
    const people = [
      { id: "boss" },
      ...Array.from({ length: n }, (_, i) => ({ id: `r${i}`, managerId: "boss" })),
    ];
    const h = buildHierarchy(people);
    expect(reportsOf(h, "boss", { depth: "all" }).length).toBe(n);
    const values: Record<string, string> = {};
    const quotas: Record<string, string> = { boss: "0" };
    for (let i = 0; i < n; i++) {
      values[`r${i}`] = "10";
      quotas[`r${i}`] = "20";
    }
    // boss: 200,000 × 10 = 2,000,000 of 200,000 × 20 = 4,000,000 → 50%
    const [boss] = teamRollup({ hierarchy: h, values, quotas });
    expect([boss?.id, boss?.team.toString(), boss?.quota?.toString(), boss?.attainment?.toString()]).toEqual([
      "boss",
      "2000000",
      "4000000",
      "0.5",
    ]);
    expect(teamQuotas({ hierarchy: h, quotas }).get("boss")?.quota.toString()).toBe("4000000");
  }, 60_000);

  it("a 20,000-deep chain: the rollup sums bottom-up without recursion, in time linear in the chain", () => {
    const chain = (n: number) => {
      const h = buildHierarchy(
        Array.from({ length: n }, (_, i) => ({ id: `p${i}`, managerId: i ? `p${i - 1}` : null })),
      );
      const values = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, "1"]));
      return { h, values };
    };
    const large = chain(20_000);
    const rows = teamRollup({ hierarchy: large.h, values: large.values });
    // p0 has everyone: 20,000 × 1; the last manager, p19,998, has itself and p19,999: 2
    expect(rows[0]?.team.toString()).toBe("20000");
    expect(rows.at(-1)?.team.toString()).toBe("2");
    expect(managersOf(large.h, "p19999").length).toBe(19_999);
    const small = chain(2_000);
    const rollup = (c: ReturnType<typeof chain>) => () => teamRollup({ hierarchy: c.h, values: c.values });
    expect(timeRatio(rollup(large), rollup(small), 40)).toBeLessThan(40);
  }, 60_000);
});
