// Option values are usage errors (exit 2) that say what is wrong, checked before any data is read (issue 12,
// item 13), and --version (item 17).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packageVersion } from "../../src/cli/packageVersion.js";
import { cli, QUICK } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "compplan-opt-"));
const weights = join(dir, "w.csv");
writeFileSync(weights, "id,weight\nana,1\nben,1\n");

describe("option values", () => {
  it("--as-of that is not a date says so, not that it is outside the plan year", async () => {
    const r = await cli("attainment", ...QUICK, "--as-of", "2026-13-45");
    expect(r).toMatchObject({
      code: 2,
      stderr: 'compplan: --as-of "2026-13-45" is not a valid date: expected YYYY-MM-DD, a day that exists\n',
    });
    const feb30 = await cli("attainment", ...QUICK, "--as-of", "2026-02-30");
    expect(feb30.stderr).toContain("is not a valid date");
    const outside = await cli("attainment", ...QUICK, "--as-of", "2027-03-01");
    expect(outside).toMatchObject({
      code: 2,
      stderr: "compplan: --as-of 2027-03-01 is not in plan year 2026 (2026-01-01 to 2026-12-31)\n",
    });
  });

  it("a data file whose name says no format: rename it (the CLI has no format option)", async () => {
    const txt = join(dir, "deals.txt");
    writeFileSync(txt, readFileSync("examples/quickstart/transactions.csv"));
    const r = await cli("run", ...QUICK.slice(0, 3), "--transactions", txt, "--period", "2026-Q1");
    expect(r).toMatchObject({
      code: 2,
      stderr: `compplan: --transactions ${txt}: cannot tell the format from the file name: rename it to .csv, .json, .jsonl or .ndjson\n`,
    });
    expect(r.stderr).not.toContain("format option");
  });

  it("explain --participant with an unknown id lists the ids, with a did-you-mean", async () => {
    const zed = await cli("explain", ...QUICK, "--period", "2026-Q1", "--participant", "zed");
    expect(zed).toMatchObject({
      code: 2,
      stderr:
        "compplan: --participant zed: no participant with that id in examples/quickstart/participants.csv; participants: ana, ben, cai\n",
    });
    const typo = await cli("explain", ...QUICK, "--period", "2026-Q1", "--participant", "bne");
    expect(typo.stderr).toContain("did you mean ben?");
    // Many participants: the first ten and a count.
    const many = join(dir, "many.csv");
    writeFileSync(
      many,
      `id,name,plan,hireDate\n${Array.from({ length: 25 }, (_, i) => `p${i},P${i},ae-quickstart,2025-01-01`).join("\n")}\n`,
    );
    const r = await cli(
      "explain",
      QUICK[0] as string,
      "--participants",
      many,
      "--transactions",
      "examples/quickstart/transactions.csv",
      "--period",
      "2026-Q1",
      "--participant",
      "nobody",
    );
    expect(r.stderr).toContain("participants: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 15 more\n");
  });

  it("quota allocate --total abc is a usage error, exit 2", async () => {
    const r = await cli("quota", "allocate", "--total", "abc", "--weights", weights);
    expect(r).toMatchObject({
      code: 2,
      stderr: 'compplan: --total must be a decimal number such as 1000000 or 0.5, got "abc"\n',
    });
    expect((await cli("quota", "allocate", "--total", "100", "--over", "0", "--weights", weights)).code).toBe(
      2,
    );
    expect((await cli("quota", "allocate", "--total", "-1", "--weights", weights)).code).toBe(2);
    expect(
      (await cli("quota", "allocate", "--total", "100", "--scale", "2.5", "--weights", weights)).code,
    ).toBe(2);
  });

  it("--period that does not fit the plan is a usage error before any data is read", async () => {
    const r = await cli("run", ...QUICK.slice(0, 3), "--transactions", "no/such.csv", "--period", "2026-Q5");
    expect(r).toMatchObject({
      code: 2,
      stderr:
        'compplan: --period: expected a period such as 2026, 2026-H1, 2026-Q3 or 2026-07, got "2026-Q5"\n',
    });
  });

  it("an option the plan cannot take (curve --to below --from, a --mix row it lacks) exits 2", async () => {
    const plan = "examples/quickstart/plan.yaml";
    expect(await cli("curve", plan, "--from", "2", "--to", "1")).toMatchObject({
      code: 2,
      stderr: "compplan: to (1) is below from (2)\n",
    });
    expect((await cli("curve", plan, "--step", "0")).code).toBe(2);
    expect((await cli("check", plan, "--high", "0")).code).toBe(2);
    expect((await cli("curve", plan, "--mix", "new-business:nope=1")).code).toBe(2);
  });

  // The family: every numeric or date option of every command, given text that is not a number or a date, is a
  // usage error (exit 2) that names the option, before any file is read (the plan below does not exist).
  const numeric: [string[], string][] = [
    [["quota", "allocate", "--weights", "no/such.csv", "--total"], "--total"],
    [["quota", "allocate", "--total", "1", "--weights", "no/such.csv", "--over"], "--over"],
    [["quota", "allocate", "--total", "1", "--weights", "no/such.csv", "--scale"], "--scale"],
    [["curve", "no/such.yaml", "--from"], "--from"],
    [["curve", "no/such.yaml", "--to"], "--to"],
    [["curve", "no/such.yaml", "--step"], "--step"],
    [["check", "no/such.yaml", "--high"], "--high"],
    [["check", "no/such.yaml", "--cliff"], "--cliff"],
    [["check", "no/such.yaml", "--cap-below"], "--cap-below"],
    [["simulate", "no/such.yaml", "--runs"], "--runs"],
    [["simulate", "no/such.yaml", "--seed"], "--seed"],
    [["simulate", "no/such.yaml", "--scale"], "--scale"],
    [["simulate", "no/such.yaml", "--mean"], "--mean"],
    [["simulate", "no/such.yaml", "--sd"], "--sd"],
    [
      ["attainment", "no/such.yaml", "--participants", "p.csv", "--transactions", "t.csv", "--as-of"],
      "--as-of",
    ],
  ];
  const pairs: [string[], string][] = [
    [["simulate", "no/such.yaml", "--planned"], "--planned bookings"],
    [["curve", "no/such.yaml", "--mix"], "--mix new-business:a"],
    [["check", "no/such.yaml", "--mix"], "--mix new-business:a"],
  ];
  const garbage = fc
    .oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("abc", "1,000", "1e3", "NaN", "Infinity", "--", "0x10", "2026-13-45", "１２"),
    )
    // Not a decimal (nor a date, for --as-of), and not an option commander would take as the next flag.
    .filter((s) => !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(s) && !s.startsWith("-") && s.length > 0);

  it("fuzz: a value that is not a number or a date is exit 2 naming the option, for every such option", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...numeric, ...pairs), garbage, async ([argv, option], value) => {
        const isPair = option.includes(" ");
        const given = isPair
          ? option.startsWith("--mix")
            ? `new-business:a=${value}`
            : `bookings=${value}`
          : value;
        const r = await cli(...argv, given);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`compplan: ${option}`);
      }),
      { numRuns: 300 },
    );
  });

  it("fuzz: negative values where only zero or more make sense are exit 2", async () => {
    const nonNegative: [string[], string][] = [
      [["quota", "allocate", "--weights", "no/such.csv", "--total"], "--total"],
      [["check", "no/such.yaml", "--cliff"], "--cliff"],
      [["simulate", "no/such.yaml", "--sd"], "--sd"],
      [["simulate", "no/such.yaml", "--runs"], "--runs"],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...nonNegative),
        fc.integer({ min: 1, max: 10 ** 6 }),
        async ([argv, option], n) => {
          const r = await cli(...argv, `-${n}`);
          expect(r.code).toBe(2);
          expect(r.stderr).toContain(option);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("--version", () => {
  it("prints the version of package.json", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = await cli(flag);
      expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
  });

  it("finds package.json from the sources (src/cli/) and from the build (dist/cli.js)", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(packageVersion(join(process.cwd(), "src/cli/program.ts"))).toBe(version);
    expect(packageVersion(join(process.cwd(), "dist/cli.js"))).toBe(version);
    // A package.json of another package on the way up is skipped.
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "other", version: "9.9.9" }));
    expect(packageVersion(join(dir, "x.js"))).toBe("unknown");
  });
});
