/**
 * The published type declarations work for every kind of TypeScript consumer: ESM and CommonJS, under
 * moduleResolution node16, nodenext and bundler. The library is built with the project's own tsup options
 * (declarations only) into a temporary folder, laid out as an installed package, and a small consumer is
 * type-checked against it six ways. Issue 12, item 15: under node16 an ESM consumer saw `Decimal` as decimal.js's
 * whole module object (TS2351 on `new Decimal()`, TS2344 inside compplan's own .d.ts).
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { build, type Options } from "tsup";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import configs from "../../tsup.config.js";

const ROOT = resolve(import.meta.dirname, "../..");

// Uses what a consumer would: values, a class, types, and Decimal both as a value and as a type.
const CONSUMER = `import { Decimal, evaluate, loadPlan, type EvaluateOptions, type EvaluationResult, type Plan, type Statement } from "compplan";

const plan: Plan = loadPlan("plans/account-executive.yaml");
const options: EvaluateOptions = { period: "2026-Q1", participants: [], transactions: [] };
const result: EvaluationResult = evaluate([plan], options);
const statements: readonly Statement[] = result.statements;
const sum: Decimal = new Decimal("1").plus(2);
const text: string = sum.toFixed(2);
const rounding: number = Decimal.ROUND_HALF_UP;
export const out = { statements, text, rounding };
`;

/** moduleResolution × package type; bundler CommonJS is `module: preserve` with a .cts file (require condition). */
const CASES = [
  { resolution: "node16", module: "node16", type: "module", file: "index.ts" },
  { resolution: "node16", module: "node16", type: "commonjs", file: "index.ts" },
  { resolution: "nodenext", module: "nodenext", type: "module", file: "index.ts" },
  { resolution: "nodenext", module: "nodenext", type: "commonjs", file: "index.cts" },
  { resolution: "bundler", module: "esnext", type: "module", file: "index.ts" },
  { resolution: "bundler", module: "preserve", type: "commonjs", file: "index.cts" },
] as const;

let dir = "";
const parsed = new Map<string, ts.SourceFile | undefined>();

/**
 * Builds the declarations with the project's own tsup options (the library entry, declarations only) and returns
 * their folder. The build takes ~25 s of CPU, so it is kept in node_modules/.cache under a hash of everything it
 * depends on (sources, build and TypeScript configs, package.json, the lockfile): any change rebuilds.
 */
async function declarations(): Promise<string> {
  const hash = createHash("sha256");
  const inputs = ["tsup.config.ts", "tsconfig.json", "package.json", "package-lock.json"];
  for (const entry of readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true }))
    if (entry.isFile()) inputs.push(relative(ROOT, join(entry.parentPath, entry.name)));
  for (const file of inputs.sort())
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update("\0");
  const cached = join(ROOT, "node_modules/.cache/compplan-types", hash.digest("hex").slice(0, 16));
  if (existsSync(join(cached, "index.d.cts"))) return cached;
  const library = (configs as Options[])[0]!;
  const out = `${cached}.${process.pid}`;
  await build({
    ...library,
    entry: { index: join(ROOT, "src/index.ts") },
    outDir: out,
    dts: { only: true },
    clean: false,
    sourcemap: false,
    silent: true,
    tsconfig: join(ROOT, "tsconfig.json"),
  });
  // Older builds (of sources since changed) are of no more use.
  for (const old of readdirSync(join(cached, "..")))
    if (!old.includes(".")) rmSync(join(cached, "..", old), { recursive: true, force: true });
  renameSync(out, cached);
  return cached;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compplan-types-"));
  // The installed package: package.json (its "exports" decide which .d.ts each consumer gets) and dist/.
  const pkg = join(dir, "pkg");
  mkdirSync(pkg);
  copyFileSync(join(ROOT, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
  cpSync(await declarations(), join(pkg, "dist"), { recursive: true });
  for (const [i, c] of CASES.entries()) {
    const consumer = join(dir, `consumer-${i}`);
    mkdirSync(join(consumer, "node_modules"), { recursive: true });
    symlinkSync(pkg, join(consumer, "node_modules", "compplan"), "dir");
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ type: c.type }));
    writeFileSync(join(consumer, c.file), CONSUMER);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the built package's types, as a consumer sees them", () => {
  for (const [i, c] of CASES.entries()) {
    it(`moduleResolution ${c.resolution}, module ${c.module}, "type": "${c.type}", ${c.file}`, () => {
      const consumer = join(dir, `consumer-${i}`);
      const options: ts.CompilerOptions = {
        module:
          ts.ModuleKind[
            ({ node16: "Node16", nodenext: "NodeNext", esnext: "ESNext", preserve: "Preserve" } as const)[
              c.module
            ]
          ],
        moduleResolution:
          ts.ModuleResolutionKind[
            ({ node16: "Node16", nodenext: "NodeNext", bundler: "Bundler" } as const)[c.resolution]
          ],
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2022.d.ts"],
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules/@types")],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      };
      const host = ts.createCompilerHost(options);
      const parse = host.getSourceFile;
      // The same lib and dependency files are parsed by every case: parse each once (by name and module format).
      host.getSourceFile = (fileName, languageVersion, ...rest) => {
        const key = `${fileName}|${JSON.stringify(languageVersion)}`;
        if (!parsed.has(key)) parsed.set(key, parse.call(host, fileName, languageVersion, ...rest));
        return parsed.get(key);
      };
      const program = ts.createProgram([join(consumer, c.file)], options, host);
      // The consumer's own file and compplan's declarations must be clean. Only those files are checked: the
      // dependencies' own .d.ts files are theirs to fix, and checking them all would take most of a minute.
      const checked = program
        .getSourceFiles()
        .filter((f) => !f.fileName.includes("/node_modules/") || /\/pkg\/dist\//.test(f.fileName));
      const ours = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...checked.flatMap((f) => [
          ...program.getSyntacticDiagnostics(f),
          ...program.getSemanticDiagnostics(f),
        ]),
      ].map((d) => {
        const where = d.file
          ? `${relative(dir, d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
          : "";
        return `${where}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
      expect(ours).toEqual([]);
      // It really resolved compplan's declarations (an unresolved import would be `any` and check nothing).
      const resolved = program
        .getSourceFiles()
        .map((f) => f.fileName)
        .find((f) => /\/pkg\/dist\/index\.d\.c?ts$/.test(f));
      expect(resolved, "compplan's .d.ts was not part of the program").toBeDefined();
    });
  }
});
