// Long CSV output is written in pieces (issue 12, item 9): the pieces, joined, are the CSV of all rows at once.
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gathered } from "../../src/cli/io.js";
import { csvChunks } from "../../src/cli/render.js";

describe("csvChunks", () => {
  it("joined, equals csv-stringify of every row at once, whatever the chunk size (fast-check)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", " ", "é", "1") });
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: text, amount: text, note: fc.option(text, { nil: undefined }) }), {
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 7 }),
        (rows, perChunk) => {
          const columns = ["id", "amount", "note"];
          const whole = stringify(
            rows.map((r) => columns.map((k) => (r as Record<string, string | undefined>)[k] ?? "")),
            { header: true, columns },
          );
          const chunks = [...csvChunks(rows, columns, perChunk)];
          expect(chunks.join("")).toBe(whole);
          expect(chunks).toHaveLength(Math.max(1, Math.ceil(rows.length / perChunk)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("has a header even with no rows", () => {
    expect([...csvChunks([], ["id", "amount"])].join("")).toBe("id,amount\n");
  });
});

describe("gathered", () => {
  it("keeps the text and makes chunks of at least the size, but the last", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 })), fc.integer({ min: 1, max: 50 }), (pieces, size) => {
        const chunks = [...gathered(pieces, size)];
        expect(chunks.join("")).toBe(pieces.join(""));
        for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(size);
        for (const c of chunks) expect(c.length).toBeLessThan(size + 20);
      }),
    );
  });
});
