import { CompplanError } from "../errors/index.js";

/** The two charting packages, as {@link renderCurveSvg} uses them. */
export type ChartingModules = [typeof import("vega"), typeof import("vega-lite")];

/** How the packages are imported; tests pass one that fails, as an install without them would. */
export type ChartingImporter = () => Promise<ChartingModules>;

const importBoth: ChartingImporter = () => Promise.all([import("vega"), import("vega-lite")]);

/**
 * Imports Vega and Vega-Lite, which draw the SVG charts. They are optional peer dependencies (about 70 MB
 * installed, for one chart), so a program that draws no chart does not need them; when one is missing this
 * throws a {@link CompplanError} with code `OPTIONAL_DEPENDENCY_MISSING` saying how to install them, instead of
 * the bare "Cannot find package" of Node.
 *
 * @param importer - how to import them; default `import("vega")` and `import("vega-lite")`.
 * @returns the two modules.
 * @throws {CompplanError} `OPTIONAL_DEPENDENCY_MISSING` when either package cannot be found.
 * @example
 * ```ts
 * const [vega, vegaLite] = await importCharting();
 * ```
 */
export async function importCharting(importer: ChartingImporter = importBoth): Promise<ChartingModules> {
  try {
    return await importer();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND")
      throw new CompplanError(
        "OPTIONAL_DEPENDENCY_MISSING",
        "drawing a chart needs the optional packages vega and vega-lite, which are not installed: " +
          "run `npm i vega vega-lite` (next to compplan) and try again",
        { cause: error },
      );
    throw error;
  }
}
