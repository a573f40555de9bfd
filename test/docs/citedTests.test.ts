import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Comments in src/ often say which test holds a fast path equal to a slow one ("test/money/fixed.test.ts holds
// these functions equal to decimal.js"): such a claim is only worth something while the file exists.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("test files cited in src/ comments", () => {
  it("exist", () => {
    const missing: string[] = [];
    for (const file of sourceFiles("src")) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const cited of line.match(/\btest\/[\w./-]+\.test\.ts\b/g) ?? []) {
          try {
            statSync(cited);
          } catch {
            missing.push(`${file}:${i + 1}: ${cited}`);
          }
        }
      });
    }
    expect(missing).toEqual([]);
  });
});
