import { didYouMean } from "../rules/index.js";
import type { PathIssue } from "./planIssues.js";

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/**
 * The references of a plan that do not resolve, read from its data whether or not the rest has the right shape:
 * a quota or a component naming no measure, two components with one id, a plan test expecting a participant
 * it does not have or a line no component makes. Run on a plan with shape errors too, so a misspelt measure is
 * reported in the same round as a misspelt key. Ids are compared as own keys, never through the prototype chain
 * (`measure: constructor` is unknown unless a measure is called `constructor`).
 *
 * @param data The plan's data: a validated plan, or the raw YAML data of one with shape errors.
 * @returns Every unresolved reference, each with its key path.
 *
 * @example
 * ```ts
 * referenceIssues({ measures: { bookings: {} }, components: [{ id: "c", measure: "booking" }] });
 * // [{ path: ["components", 0, "measure"], code: "unknown_reference",
 * //    message: 'no measure "booking" is defined under measures; did you mean "bookings"?' }]
 * ```
 */
export function referenceIssues(data: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  if (!isObject(data)) return issues;
  const add = (path: (string | number)[], code: string, message: string) =>
    issues.push({ path, code, message });
  // Without a measures mapping (absent is {} by default) nothing can be said about measure references.
  const measures = data.measures === undefined ? {} : isObject(data.measures) ? data.measures : undefined;
  const measureIds = measures ? Object.keys(measures) : [];
  const isMeasure = (id: string) => measures !== undefined && Object.hasOwn(measures, id);

  const targets = data.targets;
  if (measures && isObject(targets) && isObject(targets.quota)) {
    for (const id of Object.keys(targets.quota)) {
      if (!isMeasure(id)) add(["targets", "quota", id], "unknown_reference", unknownMeasure(id, measureIds));
    }
  }

  const componentIds = new Map<string, number>();
  // Whether every component has an id to compare a test's expected lines with.
  let allIds = isList(data.components);
  if (isList(data.components)) {
    data.components.forEach((component, index) => {
      if (!isObject(component) || typeof component.id !== "string") allIds = false;
      if (!isObject(component)) return;
      const at = (...rest: (string | number)[]) => ["components", index, ...rest];
      if (typeof component.id === "string") {
        const first = componentIds.get(component.id);
        if (first !== undefined) {
          add(
            at("id"),
            "duplicate_id",
            `component id "${component.id}" is already used by components[${first}]`,
          );
        } else componentIds.set(component.id, index);
      }
      if (measures && typeof component.measure === "string" && !isMeasure(component.measure)) {
        add(at("measure"), "unknown_reference", unknownMeasure(component.measure, measureIds));
      }
    });
  }

  if (isList(data.tests)) {
    data.tests.forEach((test, index) => {
      if (!isObject(test) || !isList(test.expect)) return;
      const ids = new Set(
        isList(test.participants) ? test.participants.filter(isObject).map((p) => String(p.id)) : [],
      );
      test.expect.forEach((e, k) => {
        if (!isObject(e)) return;
        if (isList(test.participants) && typeof e.participant === "string" && !ids.has(e.participant)) {
          add(
            ["tests", index, "expect", k, "participant"],
            "unknown_reference",
            `no participant of this test has id "${e.participant}"${hint(e.participant, [...ids])}`,
          );
        }
        if (!isObject(e.lines) || !allIds) return;
        for (const id of Object.keys(e.lines)) {
          if (!componentIds.has(id)) {
            add(
              ["tests", index, "expect", k, "lines", id],
              "unknown_reference",
              `no component has id "${id}"${hint(id, [...componentIds.keys()])}`,
            );
          }
        }
      });
    });
  }
  return issues;
}

function unknownMeasure(id: string, measureIds: string[]): string {
  return `no measure "${id}" is defined under measures${hint(id, measureIds)}`;
}

function hint(word: string, candidates: string[]): string {
  const suggestion = didYouMean(word, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : "";
}
