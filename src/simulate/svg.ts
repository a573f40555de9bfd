import { checkArgument, checkElements } from "../errors/checkArgument.js";
import type { CurveRow } from "./curve.js";
import { importCharting } from "./importCharting.js";

/** Options of {@link renderCurveSvg}. */
export interface CurveSvgOptions {
  /** Chart title. Default none. */
  title?: string;
  /** `payout` (default) or `effectiveRate`. */
  metric?: "payout" | "effectiveRate";
  /** Which series (component ids, `total`) to draw; default every series in the rows. */
  series?: readonly string[];
  /** Shown in the y axis title, e.g. `USD`. */
  currency?: string;
  /** Plot size in pixels. Default 560 × 320. */
  width?: number;
  height?: number;
}

/**
 * Draws payout curve rows (from `payoutCurve`) as an SVG line chart: attainment across, payout (or effective
 * rate) up, one line per component and the total. Vega-Lite compiles the chart to a Vega spec that Vega
 * renders headless, to an SVG string, with no browser and no canvas. Vega and Vega-Lite are optional peer
 * dependencies (`npm i vega vega-lite`), imported here on first use, so a program that never draws a chart
 * needs neither; without them this throws a `CompplanError` with code `OPTIONAL_DEPENDENCY_MISSING`.
 *
 * @example
 * ```ts
 * writeFileSync("curve.svg", await renderCurveSvg(payoutCurve(plan), { title: plan.name, currency: plan.currency }));
 * ```
 */
export async function renderCurveSvg(
  rows: readonly CurveRow[],
  options: CurveSvgOptions = {},
): Promise<string> {
  checkElements("renderCurveSvg", "rows", rows, "object");
  checkArgument("renderCurveSvg", "options", options, "object?");
  const [vega, vegaLite] = await importCharting();
  const metric = options.metric ?? "payout";
  const wanted = options.series ? new Set(options.series) : undefined;
  // Numbers only for drawing: the rows keep the exact decimal strings.
  const values = rows
    .filter((r) => (wanted ? wanted.has(r.component) : true) && r[metric] !== "")
    .map((r) => ({ attainment: Number(r.attainment), series: r.name, y: Number(r[metric]) }));
  const yTitle =
    metric === "payout"
      ? `Payout for the year${options.currency ? ` (${options.currency})` : ""}`
      : "Effective rate (payout ÷ measure)";
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 560,
    height: options.height ?? 320,
    data: { values },
    mark: { type: "line", interpolate: "linear" },
    encoding: {
      x: { field: "attainment", type: "quantitative", title: "Attainment", axis: { format: ".0%" } },
      y: {
        field: "y",
        type: "quantitative",
        title: yTitle,
        axis: { format: metric === "payout" ? ",.0f" : ".1%" },
      },
      color: { field: "series", type: "nominal", title: "Component", sort: null },
    },
  } as const;
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
