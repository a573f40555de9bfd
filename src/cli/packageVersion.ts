import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * compplan's version, read from its package.json at run time: the file nearest above `from` whose name is
 * `compplan`. Walking up works both from the sources (src/cli/, run by tsx) and from the build (dist/cli.js),
 * so the version is never copied into the code and cannot drift from the published one.
 *
 * @param from - a file URL or path inside the package; default this module.
 * @returns the `version` field, or `"unknown"` when no compplan package.json is found above it.
 * @example
 * ```ts
 * packageVersion(); // "0.1.0"
 * ```
 */
export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith("file:") ? fileURLToPath(from) : from);
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
        if (pkg.name === "compplan" && typeof pkg.version === "string") return pkg.version;
      } catch {
        // An unreadable package.json on the way up is not ours: keep looking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}
