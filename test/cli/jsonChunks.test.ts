import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/cli/jsonChunks.js";

const stringified = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe("jsonChunks", () => {
  it("writes JSON.stringify(value, null, 2) byte for byte, whatever the value and chunk size", () => {
    // The family: every shape JSON.stringify accepts (dates, null prototypes, holes, undefined and functions
    // in objects and arrays, empty containers) at any chunk size, 1 included.
    fc.assert(
      fc.property(
        fc.anything({
          withDate: true,
          withNullPrototype: true,
          withSparseArray: true,
          withObjectString: true,
          maxDepth: 5,
        }),
        fc.integer({ min: 1, max: 200 }),
        (value, size) => {
          if (JSON.stringify(value) === undefined) return;
          expect([...jsonChunks(value, size)].join("")).toBe(stringified(value));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("keeps what JSON.stringify leaves out or turns to null, and calls toJSON with the key", () => {
    const keys: string[] = [];
    const value = {
      a: undefined,
      f: () => 1,
      list: [undefined, () => 1, Symbol("s"), Number.NaN, new Date(Date.UTC(2026, 0, 2))],
      when: new Date(Date.UTC(2026, 0, 1)),
      custom: {
        toJSON(key: string) {
          keys.push(key);
          return { key };
        },
      },
      nested: { empty: {}, none: [], deep: [[{ x: [1, { y: null }] }]] },
      wide: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])),
    };
    const expected = stringified(value);
    keys.length = 0;
    expect([...jsonChunks(value, 7)].join("")).toBe(expected);
    expect(keys).toEqual(["custom"]);
  });

  it("never builds a string much larger than a chunk plus one element, on a run-shaped result", () => {
    const deal = (i: number) => ({ id: `T-${i}`, date: "2026-01-20", earned: "4800.123456" });
    const result = {
      period: "2026-Q1",
      statements: Array.from({ length: 50 }, (_, p) => ({
        participantId: `p${p}`,
        lines: [{ component: "c", amount: "1.00", deals: Array.from({ length: 2000 }, (_, i) => deal(i)) }],
        trace: ["a", "b"],
      })),
      transactions: { input: 100_000, rejects: [] },
    };
    const chunks = [...jsonChunks(result, 4096)];
    expect(chunks.join("")).toBe(stringified(result));
    // A batch is at most 256 deals of ~100 characters each: the largest string built is a chunk plus one batch.
    const largest = Math.max(...chunks.map((c) => c.length));
    expect(largest).toBeLessThan(4096 + 256 * 120);
    expect(chunks.length).toBeGreaterThan(100);
  });

  it("stringifies a long element alone: batches stop at about 64 KiB", () => {
    // A result longer than V8's longest string (~512 MiB) takes tens of seconds to generate here, so the bound
    // that makes it writable is tested instead: no string built is longer than a chunk plus one element.
    const long = { id: "T-1", note: "x".repeat(200_000) };
    const rows = [...Array.from({ length: 300 }, (_, i) => ({ id: `T-${i}` })), long, long, { id: "T-2" }];
    const chunks = [...jsonChunks({ rows }, 1024)];
    expect(chunks.join("")).toBe(stringified({ rows }));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1024 + 2 ** 16 + 200_100);
  });
});
