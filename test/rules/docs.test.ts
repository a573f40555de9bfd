/**
 * Keeps docs/conditions.md honest: its YAML conditions and expressions are valid. (Its TypeScript example is run,
 * like every doc's, by test/docs/snippets.test.ts.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Condition, conditionIssues, expressionIssues } from "../../src/rules/index.js";

const markdown = readFileSync(new URL("../../docs/conditions.md", import.meta.url), "utf8");
const yamlBlocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("docs/conditions.md", () => {
  it("has YAML examples", () => {
    expect(yamlBlocks.length).toBeGreaterThan(4);
  });

  it("shows only valid conditions", () => {
    let checked = 0;
    for (const block of yamlBlocks) {
      // Blocks repeat `when:` to show alternatives; each line starting with `when:` begins one example.
      const examples = block.split(/^(?=when:)/m).filter((text) => text.startsWith("when:"));
      for (const example of examples) {
        const { when } = parse(example.replace(/^#.*$/gm, "")) as { when: Condition };
        expect(conditionIssues(when), example).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it("shows only valid expressions", () => {
    const measures = yamlBlocks.find((block) => block.startsWith("measures:"));
    const parsed = parse(measures!) as { measures: Record<string, { value: string }> };
    for (const { value } of Object.values(parsed.measures))
      expect(expressionIssues(value), value).toEqual([]);
  });
});
