import { describe, expect, it } from "vitest";
import { textDeal } from "../../src/reward/textDeal.js";

describe("textDeal", () => {
  it("keeps the text, and makes the same exact Decimal when asked", () => {
    // 1,843.27 × 0.04 = 73.7308
    const deal = textDeal("D-1", "2026-03-15", "73.7308");
    expect(deal.earnedText).toBe("73.7308");
    expect(deal.earned.toString()).toBe("73.7308");
    expect(deal.earned).toBe(deal.earned); // made once
    expect({ id: deal.id, date: deal.date }).toEqual({ id: "D-1", date: "2026-03-15" });
  });
});
