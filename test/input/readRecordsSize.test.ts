// A file longer than V8's longest string cannot be read whole: the error says so (issue 12, item 9), instead of
// "is not UTF-8". The file is sparse: 600 MiB long, no disk used, and never read.
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors/index.js";
import { readRecords } from "../../src/input/index.js";
import { cli } from "../cli/helpers.js";

describe("readRecords on a file too large for one string", () => {
  const path = join(mkdtempSync(join(tmpdir(), "compplan-big-")), "deals.csv");
  writeFileSync(path, "");
  truncateSync(path, 600 * 2 ** 20);

  it("throws INPUT_INVALID naming the size and the limit, before reading it", () => {
    const error = (() => {
      try {
        readRecords(path);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("INPUT_INVALID");
    expect((error as InputError).message).toBe(
      `${path}: the file is 600 MiB; compplan reads a file whole into memory, up to 512 MiB (the longest text JavaScript can hold): split it into smaller files`,
    );
    expect((error as InputError).message).not.toContain("UTF-8");
  });

  it("compplan run says the same, exit 1", async () => {
    const r = await cli(
      "run",
      "examples/quickstart/plan.yaml",
      "--participants",
      "examples/quickstart/participants.csv",
      "--transactions",
      path,
      "--period",
      "2026-Q1",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the file is 600 MiB");
  });
});
