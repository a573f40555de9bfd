// The example notebook must not rot: its code cells are run, in order, as one TypeScript module (what Deno's
// kernel does cell by cell), in a separate process whose working directory is the notebook's, under Node with
// tsx. `Deno.jupyter.display` is stood in for, and each cell's bare last value is displayed as the kernel would;
// the test checks the notebook showed its tables and its chart. (docs/notebooks.md runs it in Jupyter for real.)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const NOTEBOOK = resolve("examples/notebook/what-if.ipynb");

interface Cell {
  cell_type: string;
  source: string[] | string;
}

/**
 * The notebook's code cells as one module: relative imports made absolute (the module runs from a temporary
 * directory), and each cell's final expression statement passed to `__display`, as the kernel displays it.
 */
function notebookScript(path: string): string {
  const notebook = JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] };
  const dir = dirname(path);
  const parts = notebook.cells
    .filter((c) => c.cell_type === "code")
    .map((c, i) => {
      const source = Array.isArray(c.source) ? c.source.join("") : c.source;
      const file = ts.createSourceFile(`cell${i}.ts`, source, ts.ScriptTarget.ES2022, true);
      let out = source;
      const edits: { start: number; end: number; text: string }[] = [];
      for (const statement of file.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
          const spec = statement.moduleSpecifier.text;
          if (spec.startsWith(".")) {
            edits.push({
              start: statement.moduleSpecifier.getStart(file),
              end: statement.moduleSpecifier.getEnd(),
              text: JSON.stringify(resolve(dir, spec)),
            });
          }
        }
      }
      const last = file.statements[file.statements.length - 1];
      if (last && ts.isExpressionStatement(last)) {
        edits.push({
          start: last.getStart(file),
          end: last.getEnd(),
          text: `__display(${last.expression.getText(file)});`,
        });
      }
      for (const e of edits.sort((a, b) => b.start - a.start))
        out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return `// ——— cell ${i + 1} ———\n${out}\n`;
    });
  const prelude = `const __displays: Record<string, string>[] = [];
function __display(value: unknown): void {
  if (value === undefined) return;
  const show = (value as Record<symbol, unknown> | null)?.[Symbol.for("Jupyter.display")];
  __displays.push(typeof show === "function" ? show.call(value) : { "text/plain": JSON.stringify(value) });
}
// Deno's Jupyter API, as far as the notebook uses it: display a MIME bundle. A module-level binding, so that
// under Deno it shadows the real \`Deno\` (whose \`jupyter\` exists only inside the kernel) and under Node it
// stands alone.
const Deno = {
  jupyter: {
    display: async (bundle: Record<string, string>, options?: { raw?: boolean }) => {
      if (!options?.raw) throw new Error("the stand-in for Deno.jupyter.display only takes raw MIME bundles");
      __displays.push(bundle);
    },
  },
};
`;
  // Imports first, as in any module; they are hoisted anyway.
  const all = parts.join("\n");
  const imports = all.match(/^import[\s\S]*?from\s+"[^"]+";\s*$/gm) ?? [];
  let body = all;
  for (const i of imports) body = body.replace(i, "");
  return `${imports.join("\n")}\n${prelude}\n${body}\nconsole.log("__DISPLAYS__" + JSON.stringify(__displays));\n`;
}

function displaysOf(stdout: string): Record<string, string>[] {
  const line = stdout.split("\n").find((l) => l.startsWith("__DISPLAYS__")) ?? "";
  return JSON.parse(line.slice("__DISPLAYS__".length)) as Record<string, string>[];
}

function expectNotebookOutput(displays: Record<string, string>[]) {
  const tables = displays.filter((d) => d["text/html"]?.startsWith("<table"));
  const charts = displays.filter((d) => d["image/svg+xml"]?.startsWith("<svg"));
  expect(tables.length).toBe(5);
  expect(charts).toHaveLength(1);
  expect(charts[0]?.["image/svg+xml"]).toContain("Attainment");
  // The simulation's summary table, with the team's total cost.
  expect(tables.some((t) => t["text/html"]?.includes("total cost"))).toBe(true);
  // The last cell: shares of participant-years paid more, less, the same under the proposal.
  expect(tables.at(-1)?.["text/html"]).toContain("<th>wins</th>");
}

const DENO = resolve("node_modules/.bin/deno");

describe("examples/notebook/what-if.ipynb", () => {
  it("runs from top to bottom and shows its tables and its payout curve (Node, tsx)", () => {
    const dir = mkdtempSync(join(tmpdir(), "compplan-notebook-"));
    const script = join(dir, "what-if.mts");
    writeFileSync(script, notebookScript(NOTEBOOK));
    const run = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: dirname(NOTEBOOK),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectNotebookOutput(displaysOf(run.stdout));
  });

  // The runtime of the notebook's kernel: Deno (a devDependency), with the notebook's own deno.json.
  it.skipIf(!existsSync(DENO))("runs the same cells under Deno, the kernel's runtime", () => {
    const script = join(dirname(NOTEBOOK), ".what-if.test.ts");
    writeFileSync(script, notebookScript(NOTEBOOK));
    try {
      const run = spawnSync(DENO, ["run", "--quiet", "--allow-read", "--allow-env", "--allow-sys", script], {
        cwd: dirname(NOTEBOOK),
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expectNotebookOutput(displaysOf(run.stdout));
    } finally {
      rmSync(script, { force: true });
    }
  });
});
