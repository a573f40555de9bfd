import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM + CJS with type declarations for both.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
  },
  {
    // The CLI: one ESM file with a shebang, importing the library's dependencies from node_modules.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
  },
]);
