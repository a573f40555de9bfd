// Numbers longer than MAX_DIGITS (24) are refused where they are read, and every number within it is computed
// exactly: a commission is Σ amount × rate rounded once, to the cent, whatever the digits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanError } from "../../src/errors/index.js";
import { MAX_DIGITS } from "../../src/money/index.js";
import { parsePlan } from "../../src/plan/index.js";
import { amountOf, expectAccounted, plan, run } from "./helpers.js";

const flat = (rate: string) =>
  plan(
    "flat",
    `
    targets: { quota: { bookings: 1000000 } }
    measures: { bookings: { value: amount, date: closeDate } }
    components:
      - { id: commission, type: commission, measure: bookings, over: year, rate: "${rate}" }
    `,
    { payPeriod: "year" },
  );

describe("numbers beyond MAX_DIGITS", () => {
  it("a 62-digit amount is a reject naming its row and field; the other deals are paid", () => {
    // 60 nines and two decimals: 62 digits. Before the limit it was paid on, rounded to 60 digits.
    const long = `${"9".repeat(60)}.25`;
    const r = run(
      [flat("0.01")],
      [{ id: "ana", plan: "flat" }],
      [
        { id: "d1", ownerId: "ana", amount: long, closeDate: "2026-03-01" },
        { id: "d2", ownerId: "ana", amount: "1000", closeDate: "2026-03-02" },
      ],
      "2026",
    );
    expect(r.transactions.rejects.map((x) => [x.row, x.id, x.field, x.message])).toEqual([
      [1, "d1", "amount", `expected at most 24 digits, got 62 in "${"9".repeat(40)}"… (63 characters)`],
    ]);
    // 1,000 × 1% = 10.00
    expect(amountOf(r, "ana", "commission")).toBe("10.00");
    expectAccounted(r);
  });

  it("a participant's quota of 30 digits is a reject naming its field", () => {
    const r = run(
      [flat("0.01")],
      [
        { id: "ana", plan: "flat", "quota.bookings": "1".repeat(30) },
        { id: "ben", plan: "flat" },
      ],
      [],
      "2026",
    );
    expect(r.participants.rejects.map((x) => [x.row, x.id, x.field])).toEqual([[1, "ana", "quota.bookings"]]);
    expect(r.participants.rejects[0]?.message).toContain("expected at most 24 digits, got 30");
  });

  it("a 1000-digit rate in a plan is a plan error at its line and column, quoted or not", () => {
    const rate = `0.0${"4".repeat(999)}`; // 1,000 decimals
    for (const written of [rate, `"${rate}"`]) {
      const text = [
        "compplan: 1",
        "id: p",
        "name: p",
        "currency: USD",
        "year: { start: 2026-01-01 }",
        "payPeriod: year",
        "measures: { bookings: { value: amount, date: closeDate } }",
        "components:",
        `  - { id: c, type: commission, measure: bookings, over: year, rate: ${written} }`,
      ].join("\n");
      let error: unknown;
      try {
        parsePlan(text, { file: "p.yaml" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PlanError);
      const issue = (error as PlanError).issues[0];
      // Line 9, the value starts after "  - { id: c, type: commission, measure: bookings, over: year, rate: ".
      expect([issue?.line, issue?.column, issue?.path.join(".")]).toEqual([9, 69, "components.0.rate"]);
      expect(issue?.message).toMatch(
        /^expected (at most 24 digits, got 1,000 in|a decimal number of at most 24 digits, got) "0\.04444/,
      );
    }
  });
});

// An amount with at most six decimals and at most MAX_DIGITS digits, as text, and its millionths as a bigint.
const amount = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,17}$|^0$/), fc.stringMatching(/^\d{0,6}$/), fc.nat(9))
  .map(([negative, int, frac, scale]) => {
    const whole = int.slice(0, Math.max(1, int.length - (scale % 10 === 0 ? 0 : scale)));
    const text = `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
    return { text, units: BigInt(`${negative ? "-" : ""}${whole}${frac.padEnd(6, "0")}`) };
  });
// A rate of at most MAX_DIGITS digits: up to two integer digits and up to 22 decimals.
const rate = fc.tuple(fc.stringMatching(/^\d{1,2}$/), fc.stringMatching(/^\d{0,22}$/)).map(([int, frac]) => ({
  text: `${int}${frac ? `.${frac}` : ""}`,
  scaled: BigInt(`${int}${frac}`),
  decimals: frac.length,
}));

// x ÷ 10^k rounded half-up (away from zero) to a whole number, on bigints.
function roundHalfUp(x: bigint, k: number): bigint {
  const unit = 10n ** BigInt(k);
  const size = x < 0n ? -x : x;
  const q = size / unit + ((size % unit) * 2n >= unit ? 1n : 0n);
  return x < 0n ? -q : q;
}

function cents(x: bigint): string {
  const size = x < 0n ? -x : x;
  const text = size.toString().padStart(3, "0");
  return `${x < 0n ? "-" : ""}${text.slice(0, -2)}.${text.slice(-2)}`;
}

describe("property: within MAX_DIGITS, a commission is exact to the cent", () => {
  it("Σ amount × rate over the year, rounded half-up once, equals the same sum on bigints", () => {
    expect(MAX_DIGITS).toBe(24);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), rate, (amounts, r) => {
        const result = run(
          [flat(r.text)],
          [{ id: "ana", plan: "flat" }],
          amounts.map((a, i) => ({ id: `d${i}`, ownerId: "ana", amount: a.text, closeDate: "2026-05-01" })),
          "2026",
        );
        // Σ (amount × 10^6) × (rate × 10^d) = commission × 10^(6 + d); to cents: ÷ 10^(4 + d), half-up.
        const exact = amounts.reduce((sum, a) => sum + a.units, 0n) * r.scaled;
        const expected = cents(roundHalfUp(exact, 4 + r.decimals));
        expect(result.transactions.rejects).toEqual([]);
        expect(amountOf(result, "ana", "commission")).toBe(expected === "-0.00" ? "0.00" : expected);
      }),
      { numRuns: 300 },
    );
  });
});
