import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
/**
 * Suggests the candidate closest to a misspelt word, or `undefined` when none is close enough to be a
 * plausible typo. Comparison ignores case (`greaterthan` → `greaterThan`) and counts a swap of two adjacent
 * letters as one edit (`lessTahn` → `lessThan`), since those are the typos people make.
 *
 * A candidate is close enough when at most a third of the word's letters (at least one) must change; on a tie
 * the earlier candidate wins, so callers list the likelier names first.
 *
 * @example
 * ```ts
 * didYouMean("greaterThanInclusiv", ["greaterThan", "greaterThanInclusive"]); // "greaterThanInclusive"
 * didYouMean("banana", ["equal", "in"]); // undefined
 * ```
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  checkArgument("didYouMean", "word", word, "text");
  if (typeof (candidates as Iterable<string> | null)?.[Symbol.iterator] !== "function") {
    throw new ArgumentError("didYouMean", "candidates", "a list of names", candidates);
  }
  const needle = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (typeof candidate !== "string")
      throw new ArgumentError("didYouMean", "candidates", "a list of names (text)", candidates);
    if (candidate === word) continue;
    const distance = editDistance(needle, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions). `cap` lets it give up early:
// a candidate that cannot beat the best so far is not worth finishing.
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let beforePrevious: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= cap) return cap;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
