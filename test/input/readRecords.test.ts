import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors/index.js";
import { readRecords } from "../../src/input/index.js";

const dir = mkdtempSync(join(tmpdir(), "compplan-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("readRecords", () => {
  it("reads CSV, JSON and JSON Lines files by extension, reporting the path as the source", () => {
    const csv = file("deals.csv", "\uFEFFid,amount\r\nD-1,1000.50\r\n");
    expect(readRecords(csv)).toEqual({ source: csv, rows: [{ id: "D-1", amount: "1000.50" }] });
    const json = file("deals.json", '[{"id": "D-1", "amount": 12345678901234567890.12}]');
    expect(readRecords(json).rows).toEqual([{ id: "D-1", amount: "12345678901234567890.12" }]);
    const jsonl = file("deals.jsonl", '{"id": "D-1"}\n{"id": "D-2"}\n');
    expect(readRecords(jsonl).rows).toEqual([{ id: "D-1" }, { id: "D-2" }]);
    const ndjson = file("deals.ndjson", '{"id": "D-1"}\n');
    expect(readRecords(ndjson).rows).toEqual([{ id: "D-1" }]);
  });

  it("uses the format option when the extension says nothing", () => {
    const txt = file("export.txt", "id\nD-1\n");
    expect(readRecords(txt, { format: "csv" }).rows).toEqual([{ id: "D-1" }]);
    expect(message(() => readRecords(txt))).toBe(
      `${txt}: cannot tell the format: name the file .csv, .json, .jsonl or .ndjson, or pass the format option`,
    );
  });

  it("names the file and line of a malformed file", () => {
    const bad = file("bad.csv", "id,amount\nD-1,1\nD-2,2,3\n");
    expect(message(() => readRecords(bad))).toBe(`${bad}:3: expected 2 fields as in the header, found 3`);
  });

  it("throws for a missing file and for text that is not UTF-8", () => {
    expect(message(() => readRecords(join(dir, "nope.csv")))).toMatch(
      /nope\.csv: cannot read the file: ENOENT/,
    );
    // "José" in Latin-1, as a "CSV (Windows)" export writes it
    const latin1 = file("latin1.csv", new Uint8Array([...Buffer.from("id,name\nj,Jos"), 0xe9, 0x0a]));
    expect(message(() => readRecords(latin1))).toBe(
      `${latin1}: is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)`,
    );
  });
});
