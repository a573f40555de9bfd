import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors/index.js";
import { parseRecords } from "../../src/input/index.js";

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("parseRecords: CSV", () => {
  it("reads a header and data rows, typing cells", () => {
    const text = [
      "id,ownerId,amount,termMonths,rate,code,renewal,big,neg,exp,note",
      "D-1,ana,1000.50,24,0.5,00123,true,12345678901234567890,-3,1e3,hello world",
    ].join("\n");
    expect(parseRecords(text, { format: "csv", source: "deals.csv" })).toEqual({
      source: "deals.csv",
      rows: [
        {
          id: "D-1",
          ownerId: "ana",
          amount: "1000.50", // trailing zero: stays text, parsed exactly later
          termMonths: 24,
          rate: 0.5,
          code: "00123", // leading zeros: stays text
          renewal: true,
          big: "12345678901234567890", // beyond 2^53: stays text
          neg: -3,
          exp: "1e3",
          note: "hello world",
        },
      ],
    });
  });

  it("types the edge cases of numbers and booleans exactly as specified", () => {
    const cells = [
      "0",
      "-0",
      "1.0",
      "0.1",
      ".5",
      "+5",
      "5.",
      "9007199254740993",
      "FALSE",
      "True",
      "yes",
      "1 000",
    ];
    const text = `${cells.map((_, i) => `c${i}`).join(",")}\n${cells.join(",")}\n`;
    const [row] = parseRecords(text, { format: "csv" }).rows;
    expect(Object.values(row ?? {})).toEqual([
      0,
      "-0",
      "1.0",
      0.1,
      ".5",
      "+5",
      "5.",
      "9007199254740993",
      false,
      true,
      "yes",
      "1 000",
    ]);
  });

  it("leaves empty cells out and keeps dotted names flat", () => {
    const rows = parseRecords("id,name,quota.bookings\nana,,600000\n", { format: "csv" }).rows;
    expect(rows).toEqual([{ id: "ana", "quota.bookings": 600000 }]);
    expect("name" in (rows[0] ?? {})).toBe(false);
  });

  it("tolerates a BOM and CRLF line ends, and quoted cells with commas and line breaks", () => {
    const text = '\uFEFFid,note,amount\r\nD-1,"a, b",10\r\nD-2,"two\r\nlines",20\r\n';
    expect(parseRecords(text, { format: "csv" }).rows).toEqual([
      { id: "D-1", note: "a, b", amount: 10 },
      { id: "D-2", note: "two\r\nlines", amount: 20 },
    ]);
  });

  it("trims unquoted whitespace, keeps quoted whitespace, and types quoted numbers like unquoted ones", () => {
    const rows = parseRecords(' id , note ,n\n ana ," x ","24"\n', { format: "csv" }).rows;
    expect(rows).toEqual([{ id: "ana", note: " x ", n: 24 }]);
  });

  it("skips empty lines and all-empty rows; a header alone or an empty text gives no rows", () => {
    expect(parseRecords("id,amount\n\nD-1,5\n,\n\n", { format: "csv" }).rows).toEqual([
      { id: "D-1", amount: 5 },
    ]);
    expect(parseRecords("id,amount\n", { format: "csv" }).rows).toEqual([]);
    expect(parseRecords("", { format: "csv" }).rows).toEqual([]);
  });

  it("tolerates a trailing unnamed column while it is empty", () => {
    expect(parseRecords("id,amount,\nD-1,5,\n", { format: "csv" }).rows).toEqual([{ id: "D-1", amount: 5 }]);
    const e = thrown(() => parseRecords("id,amount,\nD-1,5,\nD-2,6,oops\n", { source: "d.csv" }));
    expect(e.message).toBe('d.csv:3: column 3 has no name in the header but holds "oops"');
    expect(e.issues[0]).toMatchObject({ source: "d.csv", row: 2 });
  });

  it("throws on a ragged row, naming the file and line, and returns nothing", () => {
    const e = thrown(() => parseRecords("id,amount\nD-1,5\nD-2,6,7\nD-3,8\n", { source: "deals.csv" }));
    expect(e.message).toBe("deals.csv:3: expected 2 fields as in the header, found 3");
    expect(e.code).toBe("INPUT_INVALID");
    expect(thrown(() => parseRecords("id,amount\r\nD-1\r\n", { source: "d.csv" })).message).toBe(
      "d.csv:2: expected 2 fields as in the header, found 1",
    );
  });

  it("throws on broken quoting and repeated column names", () => {
    expect(thrown(() => parseRecords('id,note\nD-1,"open\n', { source: "d.csv" })).message).toMatch(
      /^d\.csv:2: invalid CSV: Quote Not Closed/,
    );
    expect(thrown(() => parseRecords("id,amount,id\n1,2,3\n", { source: "d.csv" })).message).toBe(
      'd.csv:1: column 3 repeats the name "id" of column 1',
    );
  });

  it("makes a column named __proto__ a plain field", () => {
    const [row] = parseRecords("id,__proto__\nD-1,x\n", { format: "csv" }).rows;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row ?? {})).toEqual(["id", "__proto__"]);
  });
});

describe("parseRecords: JSON", () => {
  it("reads a list of objects, with a BOM", () => {
    const text = '\uFEFF[{"id": "D-1", "amount": 1000.5, "splits": [{"participantId": "ana", "share": 1}]}]';
    expect(parseRecords(text, { source: "deals.json" }).rows).toEqual([
      { id: "D-1", amount: 1000.5, splits: [{ participantId: "ana", share: 1 }] },
    ]);
  });

  it("keeps numbers that a JS number cannot hold as their exact text", () => {
    const text =
      '[{"amount": 12345678901234567890.12, "id": 12345678901234567890, "small": 0.1, "e": 1e3, "s": "99999999999999999"}]';
    expect(parseRecords(text, { format: "json" }).rows).toEqual([
      {
        amount: "12345678901234567890.12",
        id: "12345678901234567890",
        small: 0.1,
        e: 1000,
        s: "99999999999999999",
      },
    ]);
    // 1e400 is Infinity and 1e-400 is 0 as numbers: both kept as text (then refused as amounts, not rounded).
    expect(parseRecords('[{"a": 1e400, "b": -1E-400, "c": 1e21}]', { format: "json" }).rows).toEqual([
      { a: "1e400", b: "-1E-400", c: 1e21 },
    ]);
  });

  it("throws on bad JSON with line and column", () => {
    expect(thrown(() => parseRecords('[{"id": "D-1"},\n {"id": }]', { source: "deals.json" })).message).toBe(
      'deals.json:2:9: invalid JSON: expected a value, found "}"',
    );
    expect(thrown(() => parseRecords('[{"id": "D-1"}', { source: "deals.json" })).message).toBe(
      "deals.json:1:15: invalid JSON: expected ',' or ']' after the list element, found the end of the text",
    );
    expect(thrown(() => parseRecords("", { source: "deals.json" })).message).toBe(
      "deals.json:1:1: invalid JSON: expected a value, found the end of the text",
    );
  });

  it("throws when the top level is not a list or an element is not an object", () => {
    expect(thrown(() => parseRecords('{"data": []}', { source: "d.json" })).message).toBe(
      "d.json: expected a list of records ([{...}, ...]), got an object",
    );
    const e = thrown(() => parseRecords('[{"id": 1}, null]', { source: "d.json" }));
    expect(e.message).toBe("d.json: record 2: expected an object, got null");
    expect(e.issues[0]?.row).toBe(2);
  });
});

describe("parseRecords: JSON Lines", () => {
  it("reads one object per line, skipping blank lines, with CRLF", () => {
    const text =
      '{"id": "D-1", "amount": "10.00"}\r\n\r\n  \n{"id": "D-2", "amount": 12345678901234567890.12}\r\n';
    expect(parseRecords(text, { source: "deals.ndjson" }).rows).toEqual([
      { id: "D-1", amount: "10.00" },
      { id: "D-2", amount: "12345678901234567890.12" },
    ]);
  });

  it("reports every bad line with its number, and returns nothing", () => {
    const text = '{"id": "D-1"}\n\n{"id": \n["D-3"]\n{"id": "D-4"}\n';
    const e = thrown(() => parseRecords(text, { source: "deals.jsonl" }));
    expect(e.message).toBe(
      "deals.jsonl:3:8: invalid JSON: expected a value, found the end of the text (and 1 more bad line)",
    );
    expect(e.issues.map((i) => [i.row, i.message])).toEqual([
      [2, "deals.jsonl:3:8: invalid JSON: expected a value, found the end of the text"],
      [3, "deals.jsonl:4: expected one record object per line, got a list"],
    ]);
  });
});

describe("parseRecords: format", () => {
  it("takes the format from the source's extension, or the option", () => {
    expect(parseRecords("id\nx\n", { source: "a.CSV" }).rows).toEqual([{ id: "x" }]);
    expect(parseRecords('{"id":"x"}', { source: "a.txt", format: "jsonl" }).rows).toEqual([{ id: "x" }]);
    expect(parseRecords('[{"id":"x"}]', { source: "a.csv", format: "json" }).rows).toEqual([{ id: "x" }]);
  });

  it("throws when it cannot tell the format", () => {
    expect(thrown(() => parseRecords("id\nx\n", { source: "a.txt" })).message).toBe(
      "a.txt: cannot tell the format: name the file .csv, .json, .jsonl or .ndjson, or pass the format option",
    );
    expect(thrown(() => parseRecords("id\nx\n")).message).toMatch(/^<input>: cannot tell the format/);
    expect(thrown(() => parseRecords("id\nx\n", { format: "xlsx" as "csv" })).message).toBe(
      '<input>: unknown format "xlsx": expected csv, json or jsonl',
    );
  });
});
