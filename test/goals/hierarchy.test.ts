import { describe, expect, it } from "vitest";
import type { CompplanError } from "../../src/errors/index.js";
import {
  buildHierarchy,
  HIERARCHY_INVALID,
  HierarchyError,
  managersOf,
  reportsOf,
  UNKNOWN_PARTICIPANT,
} from "../../src/goals/index.js";

// vp
// ├── m1 ── r1, r2
// └── m2 ── r3, r4
const people = [
  { id: "r1", managerId: "m1" },
  { id: "vp", managerId: null },
  { id: "m1", managerId: "vp" },
  { id: "r2", managerId: "m1" },
  { id: "m2", managerId: "vp" },
  { id: "r3", managerId: "m2" },
  { id: "r4", managerId: "m2" },
];

describe("buildHierarchy", () => {
  it("builds roots, direct reports in input order and levels", () => {
    const h = buildHierarchy(people);
    expect(h.roots).toEqual(["vp"]);
    expect(h.directReports.get("vp")).toEqual(["m1", "m2"]);
    expect(h.directReports.get("m1")).toEqual(["r1", "r2"]);
    expect(h.directReports.get("r1")).toEqual([]);
    expect([h.level.get("vp"), h.level.get("m2"), h.level.get("r4")]).toEqual([0, 1, 2]);
    expect(h.ids).toEqual(people.map((p) => p.id));
  });

  it("treats an empty managerId as none, and allows several trees", () => {
    const h = buildHierarchy([{ id: "a", managerId: "" }, { id: "b" }, { id: "c", managerId: "b" }]);
    expect(h.roots).toEqual(["a", "b"]);
  });

  it("lists every unknown manager, cycle and duplicate in one error", () => {
    let error: unknown;
    try {
      buildHierarchy([
        { id: "a", managerId: "b" },
        { id: "b", managerId: "c" },
        { id: "c", managerId: "a" },
        { id: "d", managerId: "d" },
        { id: "e", managerId: "ghost" },
        { id: "f", managerId: "a" }, // hangs off the cycle: not itself a cycle
        { id: "e" },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HierarchyError);
    const h = error as HierarchyError;
    expect(h.code).toBe(HIERARCHY_INVALID);
    expect(h.duplicates).toEqual(["e"]);
    expect(h.unknownManagers).toEqual([{ id: "e", managerId: "ghost" }]);
    expect(h.cycles).toEqual([["a", "b", "c"], ["d"]]);
    expect(h.message).toBe(
      "the reporting hierarchy is invalid: duplicate ids: e; unknown managers: ghost (manager of e); " +
        "reporting cycles: a → b → c → a; d → d",
    );
  });

  it("reports a cycle once, starting from its smallest id, whichever member is met first", () => {
    try {
      buildHierarchy([
        { id: "z", managerId: "y" },
        { id: "y", managerId: "x" },
        { id: "x", managerId: "z" },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as HierarchyError).cycles).toEqual([["x", "z", "y"]]);
    }
  });
});

describe("reportsOf and managersOf", () => {
  const h = buildHierarchy(people);
  it("gives direct reports, or all of them breadth first", () => {
    expect(reportsOf(h, "vp")).toEqual(["m1", "m2"]);
    expect(reportsOf(h, "vp", { depth: "all" })).toEqual(["m1", "m2", "r1", "r2", "r3", "r4"]);
    expect(reportsOf(h, "r1", { depth: "all" })).toEqual([]);
  });

  it("gives the chain of managers, nearest first", () => {
    expect(managersOf(h, "r3")).toEqual(["m2", "vp"]);
    expect(managersOf(h, "vp")).toEqual([]);
  });

  it("refuses an unknown id", () => {
    for (const f of [() => reportsOf(h, "nobody"), () => managersOf(h, "nobody")]) {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect((e as CompplanError).code).toBe(UNKNOWN_PARTICIPANT);
      }
    }
  });
});
