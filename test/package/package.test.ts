// What `npm i compplan` installs (issue 12, item 17): a license, no tests, and the charting packages only on
// demand.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, Record<string, unknown>>;

describe("the package", () => {
  it("ships the MIT license the README and package.json name", () => {
    expect(pkg.license).toBe("MIT");
    const license = readFileSync("LICENSE", "utf8");
    expect(license.startsWith("MIT License\n\nCopyright (c) 2026 compplan contributors\n")).toBe(true);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("packs the license and no test file", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" }),
    ) as { files: { path: string }[] }[];
    const files = (packed?.files ?? []).map((f) => f.path);
    expect(files).toContain("LICENSE");
    expect(files).toContain("plans/account-executive.yaml");
    expect(files.filter((f) => /\.test\.[cm]?[jt]s$/.test(f))).toEqual([]);
  });

  it("makes vega and vega-lite optional peers, kept for development", () => {
    for (const name of ["vega", "vega-lite"]) {
      expect(pkg.dependencies?.[name]).toBeUndefined();
      expect(pkg.peerDependencies?.[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta?.[name]).toEqual({ optional: true });
      expect(pkg.devDependencies?.[name]).toBe(pkg.peerDependencies?.[name]);
    }
  });

  it("imports vega only in importCharting, and only dynamically", () => {
    const files = (readdirSync("src", { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    const importers = files.filter((f) => /["']vega(-lite)?["']/.test(readFileSync(join("src", f), "utf8")));
    expect(importers).toEqual([join("simulate", "importCharting.ts")]);
    const text = readFileSync("src/simulate/importCharting.ts", "utf8");
    expect(text).not.toMatch(/^import [^(]*["']vega/m);
  });
});
