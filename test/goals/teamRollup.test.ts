import { describe, expect, it } from "vitest";
import type { CompplanError } from "../../src/errors/index.js";
import {
  buildHierarchy,
  distribution,
  managerQuota,
  QUOTA_MISSING,
  type TeamRow,
  teamRollup,
  teamRollupRows,
  UNKNOWN_PARTICIPANT,
} from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

// Three levels:
// vp                      (no own value, no own quota)
// ├── m1  own 10,000 of quota 10,000 (a player-coach)
// │   ├── r1  90,000 of 100,000
// │   └── r2 160,000 of 150,000
// └── m2                  (no own value, no own quota)
//     ├── r3  50,000 of  80,000
//     └── r4  70,000 of  70,000
const h = buildHierarchy([
  { id: "vp" },
  { id: "m1", managerId: "vp" },
  { id: "r1", managerId: "m1" },
  { id: "r2", managerId: "m1" },
  { id: "m2", managerId: "vp" },
  { id: "r3", managerId: "m2" },
  { id: "r4", managerId: "m2" },
]);
const values = { m1: 10000, r1: 90000, r2: 160000, r3: 50000, r4: 70000 };
const quotas = new Map([
  ["m1", new Decimal(10000)],
  ["r1", new Decimal(100000)],
  ["r2", new Decimal(150000)],
  ["r3", new Decimal(80000)],
  ["r4", new Decimal(70000)],
]);
const brief = (rows: TeamRow[]) =>
  rows.map((r) => [r.id, r.team.toString(), r.quota?.toString(), r.quotaSource, r.attainment?.toString()]);

describe("teamRollup", () => {
  it("rolls a three-level hierarchy up to each manager", () => {
    // m1: 10,000 + 90,000 + 160,000 = 260,000 of 10,000 + 100,000 + 150,000 = 260,000 → 1
    // m2: 50,000 + 70,000 = 120,000 of 80,000 + 70,000 = 150,000 → 0.8
    // vp: 260,000 + 120,000 = 380,000 of 260,000 + 150,000 = 410,000 → 38/41
    const rows = teamRollup({ hierarchy: h, values, quotas });
    expect(brief(rows)).toEqual([
      ["vp", "380000", "410000", "sum", new Decimal(38).div(41).toString()],
      ["m1", "260000", "260000", "sum", "1"],
      ["m2", "120000", "150000", "sum", "0.8"],
    ]);
    expect(rows.map((r) => [r.id, r.level, r.directReports, r.teamSize, r.own.toString()])).toEqual([
      ["vp", 0, 2, 6, "0"],
      ["m1", 1, 2, 2, "10000"],
      ["m2", 1, 2, 2, "0"],
    ]);
  });

  it("uses a manager quota set on its own, and carries it up the chain", () => {
    // vp set to 400,000: 380,000 / 400,000 = 0.95
    expect(brief(teamRollup({ hierarchy: h, values, quotas, managerQuotas: { vp: 400000 } }))[0]).toEqual([
      "vp",
      "380000",
      "400000",
      "set",
      "0.95",
    ]);
    // m2 set to 140,000: m2 120,000 / 140,000 = 6/7; vp sums 260,000 + 140,000 = 400,000 → 0.95
    const rows = teamRollup({ hierarchy: h, values, quotas, managerQuotas: { m2: 140000 } });
    expect(brief(rows)).toEqual([
      ["vp", "380000", "400000", "sum", "0.95"],
      ["m1", "260000", "260000", "sum", "1"],
      ["m2", "120000", "140000", "set", new Decimal(6).div(7).toString()],
    ]);
  });

  it("can leave a manager's own numbers out of their own team (but not out of their manager's)", () => {
    // m1: 90,000 + 160,000 = 250,000 of 100,000 + 150,000 = 250,000 → 1
    // vp: unchanged, m1's own 10,000 and quota 10,000 still count as a team member's
    const rows = teamRollup({ hierarchy: h, values, quotas, includeOwn: false });
    expect(brief(rows)).toEqual([
      ["vp", "380000", "410000", "sum", new Decimal(38).div(41).toString()],
      ["m1", "250000", "250000", "sum", "1"],
      ["m2", "120000", "150000", "sum", "0.8"],
    ]);
  });

  it("gives everyone a row on request, and works without quotas", () => {
    const rows = teamRollup({ hierarchy: h, values, include: "all" });
    expect(rows.map((r) => [r.id, r.team.toString(), r.quota, r.attainment])).toEqual([
      ["vp", "380000", null, null],
      ["m1", "260000", null, null],
      ["r1", "90000", null, null],
      ["r2", "160000", null, null],
      ["m2", "120000", null, null],
      ["r3", "50000", null, null],
      ["r4", "70000", null, null],
    ]);
  });

  it("refuses values for unknown ids and individual contributors without a quota", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as CompplanError).code, (e as Error).message];
      }
    };
    expect(code(() => teamRollup({ hierarchy: h, values: { ...values, r9: 1 } }))).toEqual([
      UNKNOWN_PARTICIPANT,
      "values names participants not in the hierarchy: r9",
    ]);
    const partial = { r1: 100000, r2: 150000 };
    expect(code(() => teamRollup({ hierarchy: h, values, quotas: partial }))).toEqual([
      QUOTA_MISSING,
      'no quota for r3 (reports to m2), r4 (reports to m2) (give one, or pass missingQuota: "zero")',
    ]);
    // with missingQuota "zero": m2's quota is 0 → attainment null
    const rows = teamRollup({ hierarchy: h, values, quotas: partial, missingQuota: "zero" });
    expect(brief(rows)[2]).toEqual(["m2", "120000", "0", "sum", undefined]);
  });

  it("formats rows as strings", () => {
    const rows = teamRollupRows(teamRollup({ hierarchy: h, values, quotas }));
    expect(rows[1]).toEqual({
      id: "m1",
      managerId: "vp",
      level: 1,
      directReports: 2,
      teamSize: 2,
      own: "10000.00",
      team: "260000.00",
      quota: "260000.00",
      quotaSource: "sum",
      attainmentPercent: "100.00",
    });
    // 38/41 = 92.682…% → "92.68"
    expect(rows[0]!.attainmentPercent).toBe("92.68");
  });

  it("distributes the reps' attainment", () => {
    // r1 0.9, r2 1.0666…, r3 0.625, r4 1 → sorted 0.625, 0.9, 1, 1.0666…
    // q1: h = 3 × 0.25 = 0.75 → 0.625 + 0.75 × (0.9 − 0.625) = 0.83125
    // median: h = 1.5 → 0.9 + 0.5 × 0.1 = 0.95
    // q3: h = 2.25 → 1 + 0.25 × 0.0666… = 1.01666…
    const reps = teamRollup({ hierarchy: h, values, quotas, include: "all" }).filter(
      (r) => r.directReports === 0,
    );
    const d = distribution(reps.map((r) => r.attainment));
    expect([d.count, d.atOrAbove, d.atOrAboveShare?.toString()]).toEqual([4, 2, "0.5"]);
    expect([d.min?.toString(), d.q1?.toString(), d.median?.toString()]).toEqual(["0.625", "0.83125", "0.95"]);
    expect(d.q3?.toFixed(6)).toBe("1.016667");
    expect(d.max?.equals(new Decimal(16).div(15))).toBe(true);
  });
});

describe("managerQuota", () => {
  it("sums the team's quotas with a trace, or takes the one set", () => {
    const q = managerQuota({ hierarchy: h, id: "vp", quotas });
    expect(q.quota.toString()).toBe("410000");
    expect(q.source).toBe("sum");
    expect(q.trace).toBe("vp = own 0 + m1 260,000 + m2 150,000 = 410,000");
    const m1 = managerQuota({ hierarchy: h, id: "m1", quotas });
    expect(m1.parts.map((p) => [p.id, p.source, p.quota.toString()])).toEqual([
      ["m1", "own", "10000"],
      ["r1", "individual", "100000"],
      ["r2", "individual", "150000"],
    ]);
    expect(managerQuota({ hierarchy: h, id: "m1", quotas, managerQuotas: { m1: 240000 } }).source).toBe(
      "set",
    );
    // only the subtree asked for must have quotas: m1's team is complete without r3, r4
    expect(managerQuota({ hierarchy: h, id: "m1", quotas: { r1: 1, r2: 2 } }).quota.toString()).toBe("3");
  });
});
