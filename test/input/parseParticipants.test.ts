import { describe, expect, it } from "vitest";
import { parseParticipants, parseRecords } from "../../src/input/index.js";

function rejectOf(record: Record<string, unknown>) {
  const { participants, rejects } = parseParticipants([record], { source: "people.csv" });
  expect(participants).toEqual([]);
  expect(rejects).toHaveLength(1);
  return rejects[0];
}

describe("parseParticipants", () => {
  it("reads a CSV with flat target columns, a ramp and free attributes", () => {
    const csv = [
      "id,name,plan,hireDate,terminationDate,managerId,currency,base,variable,quota.bookings,quota.margin,ramp,region,termMonths",
      "ana,Ana Lima,ae-2026,2026-02-15,,mia,EUR,80000.00,40000,600000,,0;0.25;0.5;0.75,EMEA,24",
      "mia,Mia Chen,mgr-2026,2024-01-01,2026-06-30,,,,,,,,EMEA,",
    ].join("\r\n");
    const { rows, source } = parseRecords(csv, { source: "people.csv" });
    expect(parseParticipants(rows, { source })).toEqual({
      participants: [
        {
          id: "ana",
          name: "Ana Lima",
          plan: "ae-2026",
          hireDate: "2026-02-15",
          managerId: "mia",
          currency: "EUR",
          targets: { base: "80000", variable: "40000", quota: { bookings: "600000" } },
          ramp: ["0", "0.25", "0.5", "0.75"],
          attributes: { region: "EMEA", termMonths: 24 },
          row: 1,
        },
        {
          id: "mia",
          name: "Mia Chen",
          plan: "mgr-2026",
          hireDate: "2024-01-01",
          terminationDate: "2026-06-30",
          targets: { quota: {} },
          attributes: { region: "EMEA" },
          row: 2,
        },
      ],
      rejects: [],
    });
  });

  it("reads nested targets and a ramp list from JSON", () => {
    const json = JSON.stringify([
      {
        id: "ana",
        plan: "ae-2026",
        targets: { base: 80000, variable: "40000.50", quota: { bookings: "12345678901234567890.12" } },
        ramp: [0, "0.5", 1],
        team: { name: "north" },
      },
    ]);
    const { participants, rejects } = parseParticipants(parseRecords(json, { format: "json" }).rows);
    expect(rejects).toEqual([]);
    expect(participants[0]).toEqual({
      id: "ana",
      plan: "ae-2026",
      targets: { base: "80000", variable: "40000.5", quota: { bookings: "12345678901234567890.12" } },
      ramp: ["0", "0.5", "1"],
      attributes: { team: { name: "north" } },
      row: 1,
    });
  });

  it("accepts targets.-prefixed flat columns, a top-level quota object, and mixed forms", () => {
    const { participants } = parseParticipants([
      { id: "a", plan: "p", "targets.base": "1", "targets.quota.bookings": "2", quota: { margin: 3 } },
    ]);
    expect(participants[0]?.targets).toEqual({ base: "1", quota: { bookings: "2", margin: "3" } });
  });

  it("turns numeric ids into text and keeps leading zeros", () => {
    const { rows } = parseRecords("id,plan,managerId\n1001,2026,00123\n00123,2026,\n", { format: "csv" });
    const { participants } = parseParticipants(rows);
    expect(participants.map((p) => [p.id, p.plan, p.managerId])).toEqual([
      ["1001", "2026", "00123"],
      ["00123", "2026", undefined],
    ]);
  });

  it("treats null and empty text as not given", () => {
    const { participants } = parseParticipants([
      { id: "a", plan: "p", terminationDate: "", managerId: null, base: " ", region: null },
    ]);
    expect(participants[0]).toEqual({ id: "a", plan: "p", targets: { quota: {} }, attributes: {}, row: 1 });
  });

  it("rejects a missing id or plan", () => {
    expect(rejectOf({ plan: "p" })).toEqual({
      source: "people.csv",
      row: 1,
      field: "id",
      message: "missing; expected the participant's id",
    });
    expect(rejectOf({ id: "a" })).toEqual({
      source: "people.csv",
      row: 1,
      id: "a",
      field: "plan",
      message: "missing; expected the id of the participant's plan",
    });
    expect(rejectOf({ id: true, plan: "p" })).toMatchObject({
      field: "id",
      message: "expected an id (text or a number), got true",
    });
  });

  it("rejects the later of two records with the same id, even when the first is itself rejected", () => {
    const { participants, rejects } = parseParticipants(
      [
        { id: "a", plan: "p", hireDate: "2026-02-30" },
        { id: "a", plan: "p" },
        { id: "b", plan: "p" },
        { id: 7, plan: "p" },
        { id: "7", plan: "p" },
      ],
      { source: "people.csv" },
    );
    expect(participants.map((p) => p.row)).toEqual([3, 4]);
    expect(rejects).toEqual([
      {
        source: "people.csv",
        row: 1,
        id: "a",
        field: "hireDate",
        message: "2026-02-30 is not a calendar date",
      },
      {
        source: "people.csv",
        row: 2,
        id: "a",
        field: "id",
        message: 'duplicate id "a", first used in row 1',
      },
      {
        source: "people.csv",
        row: 5,
        id: "7",
        field: "id",
        message: 'duplicate id "7", first used in row 4',
      },
    ]);
  });

  it("rejects impossible or malformed dates, in any …Date field", () => {
    expect(rejectOf({ id: "a", plan: "p", hireDate: "2026-02-30" })).toMatchObject({
      field: "hireDate",
      message: "2026-02-30 is not a calendar date",
    });
    expect(rejectOf({ id: "a", plan: "p", terminationDate: "31/12/2026" })).toMatchObject({
      field: "terminationDate",
      message: 'expected a date YYYY-MM-DD, got "31/12/2026"',
    });
    expect(rejectOf({ id: "a", plan: "p", promotionDate: 20260115 })).toMatchObject({
      field: "promotionDate",
      message: "expected a date YYYY-MM-DD, got 20260115",
    });
  });

  it("rejects a termination before the hire, and accepts one on the hire day", () => {
    expect(
      rejectOf({ id: "a", plan: "p", hireDate: "2026-03-01", terminationDate: "2026-02-28" }),
    ).toMatchObject({
      field: "terminationDate",
      message: "expected a date on or after hireDate 2026-03-01, got 2026-02-28",
    });
    const ok = parseParticipants([
      { id: "a", plan: "p", hireDate: "2026-03-01", terminationDate: "2026-03-01" },
    ]);
    expect(ok.rejects).toEqual([]);
  });

  it.each([
    ["base", "1,000", 'expected a decimal number such as 1000.50, got "1,000"'],
    ["variable", "abc", 'expected a decimal number such as 1000.50, got "abc"'],
    ["quota.bookings", "NaN", 'expected a decimal number such as 1000.50, got "NaN"'],
    ["quota.bookings", Number.NaN, "expected a finite number, got NaN"],
    ["base", true, "expected a decimal number, got boolean"],
    ["base", "-5", "expected an amount of 0 or more, got -5"],
    ["quota.bookings", -0.01, "expected an amount of 0 or more, got -0.01"],
  ])("rejects the target %s = %s", (field, value, message) => {
    expect(rejectOf({ id: "a", plan: "p", [field]: value })).toEqual({
      source: "people.csv",
      row: 1,
      id: "a",
      field,
      message,
    });
  });

  it("rejects a target given twice, an unknown target, and a quota without a measure", () => {
    expect(rejectOf({ id: "a", plan: "p", base: 1, targets: { base: 1 } })).toMatchObject({
      field: "targets.base",
      message: "given twice, as base and as targets.base (give each target once)",
    });
    expect(rejectOf({ id: "a", plan: "p", targets: { bonus: 1 } })).toMatchObject({
      field: "targets.bonus",
      message: "unknown target; expected base, variable, or a quota per measure (quota.<measure>)",
    });
    expect(rejectOf({ id: "a", plan: "p", quota: 500000 })).toMatchObject({
      field: "quota",
      message:
        'expected a quota per measure, such as { "bookings": 600000 } or a column quota.bookings, got 500000',
    });
    expect(rejectOf({ id: "a", plan: "p", targets: "big" })).toMatchObject({ field: "targets" });
  });

  it("rejects a bad ramp factor", () => {
    expect(rejectOf({ id: "a", plan: "p", ramp: "0;;1" })).toMatchObject({
      field: "ramp",
      message: 'month 2: expected a decimal number such as 1000.50, got ""',
    });
    expect(rejectOf({ id: "a", plan: "p", ramp: [0, -0.5] })).toMatchObject({
      field: "ramp",
      message: "month 2: expected a factor of 0 or more, got -0.5",
    });
    // a single factor in a CSV cell arrives as a number
    expect(parseParticipants([{ id: "a", plan: "p", ramp: 0.5 }]).participants[0]?.ramp).toEqual(["0.5"]);
  });

  it("rejects a participant who is their own manager, and a currency that is not an ISO code", () => {
    expect(rejectOf({ id: "a", plan: "p", managerId: "a" })).toMatchObject({
      field: "managerId",
      message: "expected another participant's id, got the participant's own id \"a\"",
    });
    expect(rejectOf({ id: "a", plan: "p", currency: "usd" })).toMatchObject({
      field: "currency",
      message: 'expected an ISO 4217 code in capitals such as USD or EUR, got "usd"',
    });
  });

  it("reports every problem of a record in one reject", () => {
    expect(rejectOf({ id: "a", plan: "p", hireDate: "2026-13-01", base: "1,000", managerId: "a" })).toEqual({
      source: "people.csv",
      row: 1,
      id: "a",
      field: "hireDate, managerId, base",
      message:
        "hireDate: 2026-13-01 is not a calendar date; managerId: expected another participant's id, " +
        'got the participant\'s own id "a"; base: expected a decimal number such as 1000.50, got "1,000"',
    });
  });

  it("rejects a row that is not an object and defaults the source", () => {
    const { rejects } = parseParticipants([null, [1]]);
    expect(rejects).toEqual([
      {
        source: "participants",
        row: 1,
        field: "(record)",
        message: "expected a plain object ({ ... }), got null",
      },
      {
        source: "participants",
        row: 2,
        field: "(record)",
        message: "expected a plain object ({ ... }), got a list",
      },
    ]);
  });
});
