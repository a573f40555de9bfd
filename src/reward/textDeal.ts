import { Decimal } from "../money/index.js";
import type { DealEarning } from "./types.js";

// A deal whose earnings were computed as text (money/fixed.ts's fixedTimesText): the Decimal is made only if
// something reads `earned`. A statement prints the text, so a run listing a million deals makes no Decimal for
// them. A class, so that a million of these share one getter.
class TextDeal implements DealEarning {
  readonly id: string;
  readonly date: string;
  readonly earnedText: string;
  #earned: Decimal | undefined;

  constructor(id: string, date: string, earnedText: string) {
    this.id = id;
    this.date = date;
    this.earnedText = earnedText;
  }

  get earned(): Decimal {
    this.#earned ??= new Decimal(this.earnedText);
    return this.#earned;
  }
}

/**
 * A {@link DealEarning} from the exact text of what the deal earned (as `Decimal#toString` writes it).
 *
 * @example
 * ```ts
 * const deal = textDeal("D-1", "2026-03-15", "73.7308");
 * deal.earned.toString(); // "73.7308"
 * ```
 */
export function textDeal(id: string, date: string, earnedText: string): DealEarning {
  return new TextDeal(id, date, earnedText);
}
