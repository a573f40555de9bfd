import { plusDays, plusMonths, tryPeriod } from "../calendar/index.js";
import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { Decimal, ONE, ZERO } from "../money/index.js";
import { type Condition, type CustomOperator, conditionIssues, expressionIssues } from "../rules/index.js";
import { componentTarget } from "./componentTarget.js";
import { expressionMessage } from "./expressionMessage.js";
import { referenceIssues } from "./referenceIssues.js";
import { type Component, type Limit, type Plan, PlanSchema } from "./schema/index.js";

/** A problem found in a plan that has the right shape, placed by its key path. */
export interface PathIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

const SEASONALITY_LENGTHS: Record<Plan["payPeriod"], number[]> = {
  month: [12, 4, 2, 1],
  quarter: [4, 2, 1],
  half: [2, 1],
  year: [1],
};

/**
 * The checks a plan must pass beyond its shape: references resolve, ids are unique, bands are ordered, curves
 * increase, windows lie in the plan year, seasonality sums to exactly 1, conditions use known operators,
 * value expressions parse. Every problem is returned, each with its key path.
 *
 * @example
 * ```ts
 * planIssues(plan); // [{ path: ["components", 1, "measure"], code: "unknown_reference", message: "..." }]
 * ```
 */
export function planIssues(plan: Plan, options: { operators?: readonly CustomOperator[] } = {}): PathIssue[] {
  checkArgument("planIssues", "plan", plan, "object");
  checkArgument("planIssues", "options", options, "object?");
  // The checks beyond the shape assume the shape: a plan object that does not have it is an argument error.
  if (!PlanSchema.safeParse(plan).success) {
    throw new ArgumentError(
      "planIssues",
      "plan",
      "a plan with the shape of the plan schema (see parsePlan)",
      plan,
    );
  }
  const issues: PathIssue[] = [];
  const add = (path: (string | number)[], code: string, message: string) =>
    issues.push({ path, code, message });
  const conditionAt = (condition: Condition | undefined, path: (string | number)[]) => {
    if (condition === undefined) return;
    for (const i of conditionIssues(condition, {
      operators: options.operators ? [...options.operators] : [],
    })) {
      add([...path, ...i.path], "invalid_condition", i.message);
    }
  };

  if (!plan.year.start.endsWith("-01")) {
    add(
      ["year", "start"],
      "year_start",
      `the plan year starts on the first day of a month, got ${plan.year.start}`,
    );
  }
  const yearStart = plan.year.start;
  const yearEnd = plusDays(plusMonths(yearStart, 12), -1);

  // References (measures, component ids, a test's participants and lines) are checked on the raw data too.
  issues.push(...referenceIssues(plan));

  for (const [id, measure] of Object.entries(plan.measures)) {
    for (const i of expressionIssues(measure.value)) {
      add(["measures", id, "value"], "invalid_expression", expressionMessage(measure.value, i));
    }
    conditionAt(measure.when, ["measures", id, "when"]);
    measure.multipliers?.forEach((m, k) => {
      conditionAt(m.when, ["measures", id, "multipliers", k, "when"]);
    });
    if (measure.seasonality) {
      const allowed = SEASONALITY_LENGTHS[plan.payPeriod];
      if (!allowed.includes(measure.seasonality.length)) {
        add(
          ["measures", id, "seasonality"],
          "seasonality_length",
          `expected ${allowed.join(", ")} shares for a plan paid per ${plan.payPeriod}, got ${measure.seasonality.length}`,
        );
      }
      const sum = measure.seasonality.reduce((s, x) => s.plus(x), ZERO);
      if (!sum.eq(ONE)) {
        add(
          ["measures", id, "seasonality"],
          "seasonality_sum",
          `seasonality shares must sum to exactly 1, got ${sum.toString()}`,
        );
      }
    }
  }

  let shareSum = ZERO;
  plan.components.forEach((component, index) => {
    const at = (...rest: (string | number)[]) => ["components", index, ...rest];
    if ("share" in component && component.share !== undefined) {
      if (component.target !== undefined) {
        add(
          at("target"),
          "share_and_target",
          "give either share (of the variable target) or target, not both",
        );
      }
      shareSum = shareSum.plus(component.share);
    }
    checkComponent(component, at, add, conditionAt, { yearStart, yearEnd });
  });
  if (shareSum.gt(ONE)) {
    add(
      ["components"],
      "shares_exceed_one",
      `the components' shares of the variable target sum to ${shareSum}, more than 1`,
    );
  }

  plan.tests?.forEach((test, index) => {
    const period = tryPeriod(test.period, plan.year.start);
    if (!period.ok) add(["tests", index, "period"], "invalid_period", period.message);
  });
  return issues;
}

function hasTarget(component: Component): boolean {
  return componentTarget(component) !== undefined;
}

function checkLimit(
  limit: Limit | undefined,
  name: "cap" | "floor",
  component: Component,
  at: (...rest: (string | number)[]) => (string | number)[],
  add: (path: (string | number)[], code: string, message: string) => void,
) {
  if (limit && "ofTarget" in limit && !hasTarget(component)) {
    add(
      at(name, "ofTarget"),
      "needs_target",
      `${name}.ofTarget needs the component's target: give it a share or a target`,
    );
  }
}

function checkComponent(
  component: Component,
  at: (...rest: (string | number)[]) => (string | number)[],
  add: (path: (string | number)[], code: string, message: string) => void,
  conditionAt: (c: Condition | undefined, path: (string | number)[]) => void,
  year: { yearStart: string; yearEnd: string },
) {
  switch (component.type) {
    case "base":
      return;
    case "commission": {
      const ways = (["rate", "rates", "tiers"] as const).filter((k) => component[k] !== undefined);
      if (ways.length !== 1) {
        add(
          at(),
          "commission_rate",
          ways.length === 0
            ? "a commission needs one of rate, rates or tiers"
            : `a commission takes one of rate, rates or tiers, got ${ways.join(" and ")}`,
        );
      }
      component.rates?.forEach((row, k) => {
        conditionAt(row.when, at("rates", k, "when"));
        if (row.when === undefined && k !== (component.rates?.length ?? 0) - 1) {
          add(
            at("rates", k),
            "unreachable_rate",
            "a row without `when` matches everything, so the rows after it never apply",
          );
        }
      });
      if (component.tiers) {
        let previous: InstanceType<typeof Decimal> | undefined;
        const bands = component.tiers.bands;
        bands.forEach((band, k) => {
          const kinds = (["rate", "multiplier"] as const).filter((key) => band[key] !== undefined);
          if (kinds.length !== 1) {
            add(at("tiers", "bands", k), "band_rate", "a band needs exactly one of rate or multiplier");
          }
          if (band.multiplier !== undefined && !hasTarget(component)) {
            add(
              at("tiers", "bands", k, "multiplier"),
              "needs_target",
              "a multiplier of the base commission rate needs the component's target: give it a share or a target",
            );
          }
          const last = k === bands.length - 1;
          if (band.upTo === undefined) {
            if (!last)
              add(
                at("tiers", "bands", k),
                "band_open",
                "only the last band may omit upTo; this band has bands after it",
              );
          } else if (last) {
            add(
              at("tiers", "bands", k, "upTo"),
              "band_last_closed",
              "the last band is open-ended: remove its upTo or add a band above it",
            );
          }
          if (band.upTo !== undefined) {
            const edge = new Decimal(band.upTo);
            if (previous !== undefined && !edge.gt(previous)) {
              add(
                at("tiers", "bands", k, "upTo"),
                "bands_not_ordered",
                `band edges must increase: upTo ${band.upTo} is not above the previous edge ${previous}`,
              );
            }
            if (previous === undefined && edge.isZero()) {
              add(at("tiers", "bands", k, "upTo"), "band_empty", "a first band ending at 0 covers nothing");
            }
            previous = edge;
          }
        });
      }
      checkLimit(component.cap, "cap", component, at, add);
      checkLimit(component.floor, "floor", component, at, add);
      checkCapFloor(component, at, add);
      return;
    }
    case "bonus": {
      if (!hasTarget(component))
        add(at(), "needs_target", "a bonus pays a fraction of its target: give it a share or a target");
      let previous: InstanceType<typeof Decimal> | undefined;
      component.curve.forEach(([x], k) => {
        const value = new Decimal(x);
        if (previous !== undefined && !value.gt(previous)) {
          add(
            at("curve", k, 0),
            "curve_not_increasing",
            `curve attainments must increase: ${x} is not above ${previous}`,
          );
        }
        previous = value;
      });
      checkLimit(component.cap, "cap", component, at, add);
      checkLimit(component.floor, "floor", component, at, add);
      checkCapFloor(component, at, add);
      return;
    }
    case "spiff": {
      conditionAt(component.when, at("when"));
      const { from, to } = component.window;
      if (from > to) add(at("window"), "window_order", `the window ends (${to}) before it starts (${from})`);
      for (const [key, date] of [
        ["from", from],
        ["to", to],
      ] as const) {
        if (date < year.yearStart || date > year.yearEnd) {
          add(
            at("window", key),
            "window_outside_year",
            `${date} is outside the plan year ${year.yearStart} to ${year.yearEnd}`,
          );
        }
      }
      return;
    }
  }
}

function checkCapFloor(
  component: Component,
  at: (...rest: (string | number)[]) => (string | number)[],
  add: (path: (string | number)[], code: string, message: string) => void,
) {
  if (!("cap" in component) || !component.cap || !component.floor) return;
  // Only comparable when both are written the same way; mixed forms depend on the participant's target.
  const cap = component.cap;
  const floor = component.floor;
  const both =
    "amount" in cap && "amount" in floor
      ? [cap.amount, floor.amount]
      : "ofTarget" in cap && "ofTarget" in floor
        ? [cap.ofTarget, floor.ofTarget]
        : undefined;
  if (both && new Decimal(both[0] as string).lt(both[1] as string)) {
    add(at("cap"), "cap_below_floor", `the cap (${both[0]}) is below the floor (${both[1]})`);
  }
}
