/**
 * Which compplan the benchmark measures.
 *
 * By default, src/index.ts bundled by esbuild the way tsup builds the published package (ESM, target node20,
 * dependencies external, no minification, no `keepNames`), written under node_modules/.cache/ so that the
 * bundle's bare imports (decimal.js, zod, …) resolve to the project's node_modules. That is the code users run.
 *
 * `--source` measures src/ as tsx runs it instead. tsx compiles with esbuild's `keepNames`, which wraps every
 * closure created at run time in a `__name(fn, "name")` call (an `Object.defineProperty`): engine code that
 * builds closures per participant or per call pays for it, the baselines (which build none in their loops)
 * do not, so that mode understates compplan by a few percent. It is the mode to use while editing src/, with no
 * build step.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type Compplan = typeof import("../src/index.js");

export interface LoadedCompplan {
  compplan: Compplan;
  label: string;
  /** Removes the bundle, if one was written. */
  dispose(): void;
}

export async function loadCompplan(mode: "bundle" | "source"): Promise<LoadedCompplan> {
  // The project root: next to bench/, or the working directory when this file was itself bundled.
  const root =
    [fileURLToPath(new URL("..", import.meta.url)), process.cwd()].find((dir) =>
      existsSync(join(dir, "src", "index.ts")),
    ) ?? process.cwd();
  if (mode === "source") {
    const how = import.meta.url.endsWith(".ts") ? "through tsx" : "bundled into the benchmark";
    return { compplan: await import("../src/index.js"), label: `src/ ${how}`, dispose: () => {} };
  }
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    // esbuild comes with tsx and tsup; should it ever be missing, measure the sources.
    return {
      compplan: await import("../src/index.js"),
      label: "src/ through tsx (esbuild not found)",
      dispose: () => {},
    };
  }
  const { compplan, outfile } = await bundleCompplan(esbuild, root);
  return {
    compplan,
    label: "src/index.ts bundled by esbuild like the published build (ESM, node20, no keepNames)",
    dispose: () => {
      // Under `node --cpu-prof` the profile names the bundle: keep it and its map for bench/profile.ts.
      if (process.execArgv.some((a) => a.startsWith("--cpu-prof"))) return;
      rmSync(outfile, { force: true });
      rmSync(`${outfile}.map`, { force: true });
    },
  };
}

/**
 * Bundles a checkout's src/index.ts with esbuild as tsup builds the published package (ESM, node20, dependencies
 * external, no keepNames), under that checkout's node_modules/.cache/ so the bundle's bare imports resolve to its
 * own node_modules, and imports it. Used by loadCompplan and by bench/ab.ts (two checkouts in one process).
 *
 * @param esbuild - the esbuild module.
 * @param root - the checkout's root folder.
 * @returns the loaded module and the bundle's path.
 */
export async function bundleCompplan(
  esbuild: typeof import("esbuild"),
  root: string,
): Promise<{ compplan: Compplan; outfile: string }> {
  const dir = join(root, "node_modules", ".cache", "compplan-bench");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `compplan-${process.pid}-${Date.now()}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, "src", "index.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    outfile,
    logLevel: "error",
  });
  return { compplan: (await import(pathToFileURL(outfile).href)) as Compplan, outfile };
}
