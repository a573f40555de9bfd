/**
 * The README's and docs/*.md's examples cannot drift from the code: every fenced TypeScript block is run, every
 * CLI example that shows its output is run and its output compared, and the JSDoc examples' plan ids and paths
 * must exist. A failure names the doc's `file:line`.
 *
 * Rules for writing docs (each is checked here):
 *
 * - ```` ```ts ```` blocks are run as ES modules from the repository's root, `"compplan"` being `src/index.ts`.
 *   They must be self-contained: their own imports, data from files that exist (`plans/`, `examples/`).
 *   A statement whose line ends in `// => value` is checked: the statement's value (for `console.log(x)`, the
 *   `x`; for `const a = …`, `a`) must equal `value`, a JavaScript expression. Objects are compared as a subset
 *   (keys left out are not checked, so `// => { rejected: 1 }` checks one count); Decimals as their text.
 *   Other comments are only comments.
 * - ```` ```ts signature ```` blocks show an API's shape (`name(options) → result`), not code: not run, but each
 *   function they name (a line starting `name(`) and each `interface`/`type` they declare must be exported by
 *   compplan.
 * - ```` ```ts no-run ```` blocks are not run, for code that only runs elsewhere (Deno's Jupyter kernel, say).
 *   Keep them rare; each must start with a `//` comment saying where it runs.
 * - Every `import { … } from "compplan"` in any block names only compplan's exports.
 * - ```` ```console ```` blocks: a line `$ command` followed by output lines is run and the output compared.
 *   Only `compplan …` and `npm run <script> [-- args]` (scripts that run the CLI) are run, in-process, from the
 *   repository's root, stdout and stderr together as a terminal shows them; globs (`plans/*.yaml`) are expanded
 *   as a shell does. A command with no output lines after it is not run. The comparison ignores trailing
 *   spaces; `…` elides: a line that is only `…` stands for any number of lines (none included), and `…` inside a
 *   line for any text within that line (test/docs/shownOutput.ts). Nothing else is normalised (the outputs hold
 *   no times or paths that vary).
 * - ```` ```sh ```` blocks and blocks without a language are not run; but every `compplan …` command shown in a
 *   sh or console block must name a command and options that exist (its `--help`).
 * - JSDoc `@example`s in src/: `plan: "id"` and `"plans/…"`-style paths must exist; an example with a `// =>` is
 *   run like a ts block, with what it uses from compplan imported for it (evaluate's is).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/program.js";
import * as compplan from "../../src/index.js";
import { normalisedOutput, showsOutput } from "./shownOutput.js";

const ROOT = resolve(import.meta.dirname, "../..");
const INDEX = join(ROOT, "src/index.ts");
// Inside the repository so that the snippets' bare imports (json-rules-engine) resolve from node_modules; the
// leading dot keeps it out of tsc's and Biome's file globs (and it is in .gitignore).
const SCRATCH = join(ROOT, "test/docs/.snippets", String(process.pid));

interface Block {
  /** `README.md:52`: the line of the opening fence. */
  where: string;
  file: string;
  /** 1-based line of the block's first content line. */
  line: number;
  lang: string;
  flags: string[];
  text: string;
}

const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Every fenced block of a markdown file, indented ones (in list items) included, with its line. */
function blocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith(`${indent}${fence}`)) end++;
    const [lang = "", ...flags] = info.trim().split(/\s+/);
    found.push({
      where: `${file}:${i + 1}`,
      file,
      line: i + 2,
      lang,
      flags,
      text: lines
        .slice(i + 1, end)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
        .join("\n"),
    });
    i = end;
  }
  return found;
}

const ALL = DOCS.flatMap(blocks);
const TS = ALL.filter((b) => b.lang === "ts" || b.lang === "typescript");
const RUN = TS.filter((b) => b.flags.length === 0);
const CONSOLE = ALL.filter((b) => b.lang === "console");

/** Names a doc may import from "compplan": runtime exports and exported types (found in the sources). */
const EXPORTED = (() => {
  const names = new Set(Object.keys(compplan));
  for (const entry of readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.parentPath.includes("/cli")) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const m of source.matchAll(/^export (?:interface|type|declare type) (\w+)/gm)) names.add(m[1]!);
  }
  return names;
})();

afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/**
 * The block as a module: `"compplan"` imports point at the sources, and each statement ending in `// => value`
 * is wrapped in a check. Lines are kept where they are, so a line of the module is a line of the doc.
 */
function moduleOf(block: Block): { source: string; checks: number } {
  const file = ts.createSourceFile("snippet.ts", block.text, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (statements: ts.NodeArray<ts.Statement>) => {
    for (const statement of statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        if (statement.moduleSpecifier.text === "compplan")
          edits.push({
            start: statement.moduleSpecifier.getStart(file),
            end: statement.moduleSpecifier.getEnd(),
            text: JSON.stringify(INDEX),
          });
        continue;
      }
      if (ts.isBlock(statement)) visit(statement.statements);
      if (ts.isForOfStatement(statement) && ts.isBlock(statement.statement))
        visit(statement.statement.statements);
      const comment = ts
        .getTrailingCommentRanges(block.text, statement.getEnd())
        ?.map((r) => block.text.slice(r.pos, r.end))
        .find((c) => c.startsWith("// =>"));
      if (!comment) continue;
      const expected = comment.slice("// =>".length).trim();
      const line = file.getLineAndCharacterOfPosition(statement.getStart(file)).line;
      const where = JSON.stringify(`${block.file}:${block.line + line}`);
      const syntax = ts.transpileModule(`(${expected});`, { reportDiagnostics: true }).diagnostics ?? [];
      if (syntax.length > 0)
        throw new Error(
          `${JSON.parse(where)}: the value after "// =>" is not a JavaScript expression: ${expected}`,
        );
      const check = (expression: string) => `__docExpect(${expression}, (${expected}), ${where})`;
      if (ts.isExpressionStatement(statement)) {
        const e = statement.expression;
        const isLog =
          ts.isCallExpression(e) && e.expression.getText(file) === "console.log" && e.arguments.length === 1;
        const inner = isLog ? e.arguments[0]! : e;
        edits.push({ start: inner.getStart(file), end: inner.getEnd(), text: check(inner.getText(file)) });
      } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
        const name = statement.declarationList.declarations[0]!.name.getText(file);
        edits.push({ start: statement.getEnd(), end: statement.getEnd(), text: ` ${check(name)};` });
      } else {
        throw new Error(`${JSON.parse(where)}: "// =>" after a statement that has no value`);
      }
    }
  };
  visit(file.statements);
  let out = block.text;
  const checks = edits.filter((e) => e.text.includes("__docExpect(")).length;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { source: out, checks };
}

let checked = 0;

(globalThis as Record<string, unknown>).__docExpect = (actual: unknown, expected: unknown, where: string) => {
  checked++;
  const value = compplan.Decimal.isDecimal(actual) ? actual.toString() : actual;
  if (typeof expected === "object" && expected !== null)
    expect(value, `${where}: the value shown after "// =>"`).toMatchObject(expected);
  else expect(value, `${where}: the value shown after "// =>"`).toEqual(expected);
  return actual;
};

/** Runs a module written from a block; errors are reported at the doc's line. */
async function run(block: Block, { source, checks }: { source: string; checks: number }): Promise<void> {
  mkdirSync(SCRATCH, { recursive: true });
  const path = join(SCRATCH, `${block.file.replace(/[/.]/g, "_")}_L${block.line - 1}.ts`);
  writeFileSync(path, source);
  // What the snippets print is for the reader; the checks are their `// =>` comments.
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  checked = 0;
  try {
    await import(pathToFileURL(path).href);
    // A "// =>" in code that never ran (a loop over nothing, a branch not taken) checks nothing.
    expect(checked, `${block.where}: "// =>" checks run`).toBe(checks);
  } catch (error) {
    const e = error as Error;
    // The module's lines are the doc's lines: point at the doc.
    const at = new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+)`).exec(e.stack ?? "");
    const line = at ? `${block.file}:${block.line + Number(at[1]) - 1}` : block.where;
    e.message = `${line} (the \`\`\`ts block at ${block.where}): ${e.message}`;
    throw e;
  } finally {
    log.mockRestore();
  }
}

describe("TypeScript blocks of README.md and docs/*.md", () => {
  it("finds the blocks", () => {
    expect(RUN.length).toBeGreaterThan(5);
  });

  for (const block of RUN) {
    it(`${block.where} runs as written`, async () => {
      await run(block, moduleOf(block));
    });
  }

  it('import only what "compplan" exports', () => {
    const wrong: string[] = [];
    for (const block of TS)
      for (const m of block.text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"(?:npm:)?compplan"/g))
        for (const spec of m[1]!.split(",")) {
          const name = spec
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0]!;
          if (name && !EXPORTED.has(name)) wrong.push(`${block.where}: ${name}`);
        }
    expect(wrong).toEqual([]);
  });

  it("signature blocks name only exported functions and types", () => {
    const wrong: string[] = [];
    let names = 0;
    for (const block of TS.filter((b) => b.flags.includes("signature")))
      for (const [i, line] of block.text.split("\n").entries()) {
        const m = /^(?:(?:interface|type)\s+)?([A-Za-z_]\w*)\s*[(<{=]/.exec(line);
        if (!m) continue;
        names++;
        if (!EXPORTED.has(m[1]!)) wrong.push(`${block.file}:${block.line + i}: ${m[1]}`);
      }
    expect(wrong).toEqual([]);
    expect(names).toBeGreaterThan(10);
  });

  it("no-run blocks say where they run", () => {
    const unexplained = TS.filter((b) => b.flags.includes("no-run") && !b.text.trimStart().startsWith("//"));
    expect(unexplained.map((b) => b.where)).toEqual([]);
  });

  it("use only the known flags", () => {
    const unknown = TS.filter((b) => b.flags.some((f) => f !== "signature" && f !== "no-run"));
    expect(unknown.map((b) => `${b.where}: ${b.flags.join(" ")}`)).toEqual([]);
  });
});

/** A command line split as a shell would, globs in the last path segment expanded; `# comments` dropped. */
function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.replace(/\s+#.*$/, "").matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3]!;
    if (m[3] && word.includes("*")) {
      const slash = word.lastIndexOf("/");
      const dir = slash < 0 ? "." : word.slice(0, slash);
      const pattern = new RegExp(
        `^${word
          .slice(slash + 1)
          .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, "[^/]*")}$`,
      );
      const matches = readdirSync(join(ROOT, dir))
        .filter((f) => pattern.test(f))
        .sort()
        .map((f) => (slash < 0 ? f : `${dir}/${f}`));
      out.push(...(matches.length > 0 ? matches : [word]));
    } else out.push(word);
  }
  return out;
}

/** The CLI's arguments for a documented command, or undefined when it is not a compplan command. */
function cliArguments(command: string): string[] | undefined {
  const [head, ...rest] = words(command);
  if (head === "compplan") return rest;
  if (head !== "npm" || rest[0] !== "run") return undefined;
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<
    string,
    string
  >;
  const script = scripts[rest[1]!];
  const cli = "tsx src/cli/main.ts";
  if (!script?.startsWith(cli)) return undefined;
  const extra = rest.slice(2);
  return [...words(script.slice(cli.length)), ...(extra[0] === "--" ? extra.slice(1) : extra)];
}

interface Example {
  where: string;
  command: string;
  argv: string[];
  shown: string[];
}

const EXAMPLES: Example[] = CONSOLE.flatMap((block) => {
  const lines = block.text.split("\n");
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("$ ")) continue;
    const command = lines[i]!.slice(2);
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith("$ ")) end++;
    const shown = lines.slice(i + 1, end);
    while (shown.length > 0 && shown.at(-1)!.trim() === "") shown.pop();
    const argv = cliArguments(command);
    if (argv && shown.length > 0)
      examples.push({ where: `${block.file}:${block.line + i}`, command, argv, shown });
    i = end - 1;
  }
  return examples;
});

describe("CLI examples of README.md and docs/*.md", () => {
  it("finds the examples", () => {
    expect(EXAMPLES.length).toBeGreaterThan(3);
  });

  for (const example of EXAMPLES) {
    it(`${example.where}: ${example.command.slice(0, 60)}`, async () => {
      let output = "";
      const code = await runCli(example.argv, {
        stdout: (s) => (output += s),
        stderr: (s) => (output += s),
        isTTY: false,
      });
      const shown = example.shown.join("\n");
      const actual = normalisedOutput(output);
      if (!showsOutput(example.shown, output))
        expect(
          actual,
          `${example.where}: the output shown for \`${example.command}\` (exit ${code}) is not what it prints`,
        ).toBe(`${shown}\n`);
    });
  }
});

/** Every compplan command line shown in ```sh and ```console blocks, run or not, with its doc line. */
const COMMAND_LINES = ALL.filter((b) => b.lang === "sh" || b.lang === "console").flatMap((block) =>
  block.text.split("\n").flatMap((line, i) => {
    const command = block.lang === "console" ? (line.startsWith("$ ") ? line.slice(2) : "") : line;
    const argv =
      command.startsWith("compplan ") || command.startsWith("npm run ") ? cliArguments(command) : undefined;
    return argv ? [{ where: `${block.file}:${block.line + i}`, argv }] : [];
  }),
);

describe("CLI commands shown in README.md and docs/*.md", () => {
  it("use only commands and options that exist", async () => {
    expect(COMMAND_LINES.length).toBeGreaterThan(8);
    const help = async (argv: string[]) => {
      let out = "";
      const code = await runCli([...argv, "--help"], {
        stdout: (s) => (out += s),
        stderr: () => {},
        isTTY: false,
      });
      return code === 0 ? out : undefined;
    };
    const wrong: string[] = [];
    for (const { where, argv } of COMMAND_LINES) {
      // The command is its leading words (`quota allocate`); options are checked against its --help.
      const firstOption = argv.findIndex((w) => w.startsWith("-"));
      const words = firstOption < 0 ? argv : argv.slice(0, firstOption);
      const command = (await help(words.slice(0, 2)))?.startsWith(
        `Usage: compplan ${words.slice(0, 2).join(" ")} `,
      )
        ? words.slice(0, 2)
        : words.slice(0, 1);
      const text = await help(command);
      if (!text?.startsWith(["Usage: compplan", ...command, ""].join(" "))) {
        wrong.push(`${where}: no command ${command.join(" ")}`);
        continue;
      }
      for (const word of argv)
        for (const option of word.match(/--[a-z][\w-]*/g) ?? [])
          if (!new RegExp(`(^|[\\s,])${option}\\b`, "m").test(text))
            wrong.push(`${where}: ${command.join(" ")} has no ${option}`);
    }
    expect(wrong).toEqual([]);
  });
});

const JSDOC_PLAN_IDS = (() => {
  const ids = new Set<string>();
  for (const dir of ["plans", "examples/quickstart", "bench", "test/fixtures"])
    for (const f of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".yaml")))
      ids.add(/^id:\s*(\S+)/m.exec(readFileSync(join(ROOT, dir, f), "utf8"))?.[1] ?? "");
  return ids;
})();

/** The JSDoc `@example` blocks of src/, with the file and line of their first line. */
function jsdocExamples(): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  for (const entry of readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    const lines = readFileSync(path, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\* @example/.test(lines[i]!)) continue;
      let j = i + 1;
      const body: string[] = [];
      while (j < lines.length && !/^\s*\*\/|^\s*\* @/.test(lines[j]!))
        body.push(lines[j++]!.replace(/^\s*\* ?/, ""));
      // Fence lines blanked, not removed, so that line k of the text is line i + 2 + k of the file.
      const text = body.map((l) => (l.startsWith("```") ? "" : l)).join("\n");
      found.push({ where: `${relative(ROOT, path)}:${i + 2}`, text });
    }
  }
  return found;
}

describe("JSDoc examples", () => {
  const examples = jsdocExamples();

  it("name plans and files that exist", () => {
    expect(examples.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const { where, text } of examples) {
      for (const m of text.matchAll(/\bplan: "([^"]+)"/g))
        if (!JSDOC_PLAN_IDS.has(m[1]!)) wrong.push(`${where}: plan id ${m[1]}`);
      for (const m of text.matchAll(/"((?:plans|examples|docs|test)\/[^"]+\.\w+)"/g))
        if (!readdirSync(join(ROOT, m[1]!, "..")).includes(m[1]!.split("/").at(-1)!))
          wrong.push(`${where}: ${m[1]}`);
    }
    expect(wrong).toEqual([]);
  });

  it("evaluate's example is run (below)", () => {
    expect(examples.find((e) => e.where.startsWith("src/evaluate/evaluate.ts"))?.text).toMatch(/\/\/ =>/);
  });

  // An example with a `// =>` check is run, like a doc's block; a JSDoc example leaves out its imports, so what
  // it calls from compplan is imported for it.
  for (const example of examples.filter((e) => e.text.includes("// =>"))) {
    it(`${example.where} runs and shows what it returns`, async () => {
      const [file, line] = example.where.split(":") as [string, string];
      const used = [...EXPORTED].filter(
        (name) => name in compplan && new RegExp(`\\b${name}\\b`).test(example.text),
      );
      const block: Block = {
        where: example.where,
        file,
        line: Number(line),
        lang: "ts",
        flags: [],
        text: example.text,
      };
      const module = moduleOf(block);
      await run(block, {
        ...module,
        source: `import { ${used.join(", ")} } from ${JSON.stringify(INDEX)}; ${module.source}`,
      });
    });
  }
});
