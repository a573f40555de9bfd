import { describe, expect, it } from "vitest";
import { ArgumentError, CompplanError, PlanError } from "../../src/errors/index.js";
import { compilePlan, evaluate } from "../../src/evaluate/index.js";
import { parseParticipants, parseTransactions } from "../../src/input/index.js";
import { loadPlan, type Plan, parsePlan } from "../../src/plan/index.js";
import { explain } from "../../src/statement/index.js";

const PLAN = parsePlan(
  [
    "compplan: 1",
    "id: p",
    "name: p",
    "currency: USD",
    "year: { start: 2026-01-01 }",
    "payPeriod: quarter",
    "measures: { bookings: { value: amount, when: { fact: stage, operator: equal, value: won } } }",
    "components:",
    "  - { id: c, type: commission, measure: bookings, rate: 0.1 }",
  ].join("\n"),
);
const people = [{ id: "ana", plan: "p" }];

function thrown(f: () => unknown): CompplanError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CompplanError);
    return e as CompplanError;
  }
  throw new Error("expected a CompplanError");
}

describe("evaluate's boundary", () => {
  it("refuses transactions that are not a list, instead of returning input: undefined", () => {
    const e = thrown(() =>
      evaluate([PLAN], { participants: people, transactions: {} as never, period: "2026-Q1" }),
    );
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toBe("evaluate: options.transactions: expected a list, got an object");
    expect(
      thrown(() => evaluate([PLAN], { participants: people, transactions: [], period: 2026 as never }))
        .message,
    ).toBe("evaluate: options.period: expected text (a string), got 2026");
    expect(
      thrown(() => evaluate([null as never], { participants: [], transactions: [], period: "2026" })).message,
    ).toBe("evaluate: plans[0]: expected an object, got null");
  });

  it("checks a plan object built in code as a plan file is checked (compilePlan and evaluate)", () => {
    const bad = { ...PLAN, rounding: { scale: 99, mode: "x" } } as unknown as Plan;
    for (const f of [
      () => compilePlan(bad),
      () => evaluate([bad], { participants: people, transactions: [], period: "2026-Q1" }),
    ]) {
      const e = thrown(f);
      expect(e).toBeInstanceOf(PlanError);
      expect(e.code).toBe("PLAN_INVALID");
      expect((e as PlanError).issues.map((i) => i.path.join("."))).toEqual([
        "rounding.scale",
        "rounding.mode",
      ]);
      expect(e.message).toMatch(/^\(plan object\): rounding\.scale: /);
    }
    // A reference to a measure that does not exist is caught too (planIssues), not only the shape.
    const dangling = { ...PLAN, components: [{ ...PLAN.components[0], measure: "nope" }] } as Plan;
    expect((thrown(() => compilePlan(dangling)) as PlanError).issues[0]?.path).toEqual([
      "components",
      0,
      "measure",
    ]);
    // A valid plan object built in code gets the defaults a file would (rounding 2 decimals, half-up).
    const { rounding: _r, ...withoutRounding } = PLAN;
    expect(compilePlan(withoutRounding as Plan).plan.rounding).toEqual({ scale: 2, mode: "half-up" });
  });

  it("uses a plan object edited in code between two calls as it is now, not as first checked", () => {
    const edited = structuredClone(PLAN) as { components: { rate: string }[] };
    const run = () =>
      evaluate([edited as unknown as Plan], {
        participants: people,
        transactions: [{ id: "t", ownerId: "ana", amount: "1000", closeDate: "2026-02-01", stage: "won" }],
        period: "2026-Q1",
      }).statements[0]?.total;
    expect(run()).toBe("100.00"); // 1,000 × 10% = 100.00
    edited.components[0]!.rate = "0.2";
    expect(run()).toBe("200.00"); // 1,000 × 20% = 200.00 (the first check's copy said 100.00)
  });

  it("uses a plan frozen at the top only and edited deeper between two calls as it is now", () => {
    const components = [{ ...PLAN.components[0]! }] as { rate: string }[];
    const shallow = Object.freeze({ ...PLAN, components }) as unknown as Plan;
    const run = () =>
      evaluate([shallow], {
        participants: people,
        transactions: [{ id: "t", ownerId: "ana", amount: "1000", closeDate: "2026-02-01", stage: "won" }],
        period: "2026-Q1",
      }).statements[0]?.total;
    expect(run()).toBe("100.00"); // 1,000 × 10% = 100.00
    components[0]!.rate = "0.2";
    expect(run()).toBe("200.00"); // 1,000 × 20% = 200.00 (a shallow freeze must not let the first check be reused)
  });

  it("gives a checked copy that cannot be changed under later calls", () => {
    // PLAN comes from parsePlan, frozen all the way down: its checked copy is kept, so it is frozen too.
    expect(Object.isFrozen(compilePlan(PLAN).plan.components[0])).toBe(true);
  });

  it("fills in the defaults of a frozen plan object built in code (it threw a raw TypeError)", () => {
    const { rounding: _r, ...rest } = PLAN;
    const frozen = Object.freeze(rest) as Plan;
    expect(compilePlan(frozen).plan.rounding).toEqual({ scale: 2, mode: "half-up" });
    const result = evaluate([frozen], {
      participants: people,
      transactions: [{ id: "t", ownerId: "ana", amount: "1000.555", closeDate: "2026-02-01", stage: "won" }],
      period: "2026-Q1",
    });
    expect(result.statements[0]?.total).toBe("100.06"); // 1,000.555 × 10% = 100.0555 → 100.06 (half-up, 2)
  });

  it("reads parseTransactions / parseParticipants output as the records it came from, rows kept", () => {
    const rows = [
      { id: "D-0", ownerId: "ana", amount: "abc", closeDate: "2026-01-05", stage: "won" },
      { id: "D-1", ownerId: "ana", amount: "1000.50", closeDate: "2026-02-10", stage: "won" },
      { id: "D-2", ownerId: "ana", amount: "500", closeDate: "2026-03-01", stage: "lost" },
    ];
    const { transactions, rejects } = parseTransactions(rows, { source: "deals.csv" });
    expect(rejects.map((r) => r.row)).toEqual([1]);
    const { participants } = parseParticipants([{ id: "ana", plan: "p", region: "EMEA" }]);
    const fromParsed = evaluate([PLAN], { participants, transactions, period: "2026-Q1" });
    const fromRows = evaluate([PLAN], {
      participants: people,
      transactions: rows.slice(1),
      period: "2026-Q1",
    });
    // D-1 only (D-2 is lost): 1,000.50 × 10% = 100.05; on main, parsed transactions paid 0.00.
    expect(fromParsed.statements[0]?.total).toBe("100.05");
    expect(fromRows.statements[0]?.total).toBe("100.05");
    // D-2's exclusion names its row in deals.csv (3), not its place in the parsed list (2).
    expect(fromParsed.transactions.exclusions).toMatchObject([{ source: "deals.csv", row: 3, id: "D-2" }]);
  });

  it("refuses Date objects as dates, whatever the time zone, naming the field", () => {
    // March 31 at local midnight, and at UTC midnight: in Asia/Tokyo the second was read as March 30 (Q1) and in
    // America/New_York the first as March 31 but the second as March 30: a Date is refused rather than guessed.
    for (const closeDate of [new Date(2026, 2, 31), new Date(Date.UTC(2026, 2, 31))]) {
      const result = evaluate([PLAN], {
        participants: people,
        transactions: [{ id: "D-1", ownerId: "ana", amount: "100", closeDate, stage: "won" }],
        period: "2026-Q1",
      });
      expect(result.transactions.rejects).toMatchObject([{ row: 1, field: "closeDate" }]);
      expect(result.transactions.rejects[0]?.message).toMatch(
        /^expected a date as text YYYY-MM-DD, got a Date object/,
      );
    }
  });

  it("says what a class instance record is", () => {
    class Deal {
      id = "D-1";
      ownerId = "ana";
      amount = "100";
    }
    const result = evaluate([PLAN], {
      participants: people,
      transactions: [new Deal() as never],
      period: "2026-Q1",
    });
    expect(result.transactions.rejects[0]?.message).toBe(
      "expected a plain object ({ ... }), got an instance of Deal",
    );
  });
});

describe("the issue's misuse reproducers (issue 12 item 10)", () => {
  it("each throws a CompplanError with a stable code, never a raw TypeError or ENOENT", () => {
    const e1 = thrown(() =>
      evaluate([PLAN], { participants: people, transactions: [], period: 2026 as never }),
    );
    expect([e1.code, e1.message]).toEqual([
      "INVALID_ARGUMENT",
      "evaluate: options.period: expected text (a string), got 2026",
    ]);
    const e2 = thrown(() =>
      evaluate([null as never], { participants: people, transactions: [], period: "2026" }),
    );
    expect([e2.code, e2.message]).toEqual([
      "INVALID_ARGUMENT",
      "evaluate: plans[0]: expected an object, got null",
    ]);
    const e3 = thrown(() => explain(null as never, "a"));
    expect([e3.code, e3.message]).toEqual([
      "INVALID_ARGUMENT",
      "explain: result: expected an object, got null",
    ]);
    const e4 = thrown(() => loadPlan("/nonexistent/plan.yaml")) as PlanError;
    expect(e4).toBeInstanceOf(PlanError);
    expect([e4.code, e4.issues[0]?.code, e4.issues[0]?.file]).toEqual([
      "PLAN_INVALID",
      "unreadable",
      "/nonexistent/plan.yaml",
    ]);
  });
});
