import { FIXED_SCALE, fixedToString, fixedUnits, fixedUnitsOfNumber } from "../money/fixed.js";
import { Decimal, tryDecimal, ZERO } from "../money/index.js";
import { describeValue } from "./describeValue.js";
import { isBlank } from "./isBlank.js";
import { isPlainObject } from "./isPlainObject.js";
import { tryId } from "./tryId.js";

/** One participant's share of a transaction's credit. */
export interface Split {
  participantId: string;
  /** In (0, 1]; the shares of a transaction add up to exactly 1. */
  share: Decimal;
}

const SPLIT_KEYS = new Set(["participantId", "share"]);

/**
 * Reads a transaction's splits, from JSON (`[{ participantId, share }]`) or from a CSV cell (`ana:0.6;ben:0.4`).
 *
 * Every share must be a decimal in (0, 1], each participant may appear once, and the shares must add up to
 * exactly 1 in decimal arithmetic (`0.33;0.33;0.34` does, `1/3` three times cannot be written): a split that
 * credits 99% or 101% of a deal would pay someone for nothing or short someone, so it is rejected, not scaled.
 * An empty list means no splits (exporters write `[]` for "none"). In the CSV form the participant is
 * everything before the last `:`, so ids may contain colons. All problems are reported, joined by `; `.
 *
 * @example
 * ```ts
 * parseSplits("ana:0.6;ben:0.4"); // { ok: true, value: [{ participantId: "ana", share: 0.6 }, { participantId: "ben", share: 0.4 }] }
 * parseSplits("ana:0.6;ben:0.3"); // { ok: false, message: "shares must add up to exactly 1, got 0.9" }
 * ```
 */
export function parseSplits(
  value: unknown,
): { ok: true; value: Split[] | undefined } | { ok: false; message: string } {
  if (Array.isArray(value) && value.length > 0) {
    const plain = plainSplits(value);
    if (plain) return { ok: true, value: plain.splits };
  }
  const problems: string[] = [];
  const raw: { participantId: unknown; share: unknown; where: string }[] = [];
  if (typeof value === "string") {
    value.split(";").forEach((part, i) => {
      const text = part.trim();
      const colon = text.lastIndexOf(":");
      if (colon <= 0) {
        problems.push(
          `part ${i + 1} is ${JSON.stringify(text)}; expected participant:share pairs separated by ";" such as ana:0.6;ben:0.4`,
        );
        return;
      }
      raw.push({
        participantId: text.slice(0, colon).trim(),
        share: text.slice(colon + 1).trim(),
        where: `part ${i + 1}`,
      });
    });
  } else if (Array.isArray(value)) {
    if (value.length === 0) return { ok: true, value: undefined };
    value.forEach((element, i) => {
      if (!isPlainObject(element)) {
        problems.push(`split ${i + 1}: expected { participantId, share }, got ${describeValue(element)}`);
        return;
      }
      const unknown = Object.keys(element).filter((k) => !SPLIT_KEYS.has(k));
      if (unknown.length > 0) {
        problems.push(
          `split ${i + 1}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(", ")}; a split has participantId and share`,
        );
      }
      raw.push({ participantId: element.participantId, share: element.share, where: `split ${i + 1}` });
    });
  } else {
    return {
      ok: false,
      message: `expected a list of { participantId, share } or text such as ana:0.6;ben:0.4, got ${describeValue(value)}`,
    };
  }

  const splits: Split[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const id = tryId(r.participantId);
    if (!id.ok) {
      problems.push(`${r.where}: participantId: ${id.message}`);
      continue;
    }
    if (seen.has(id.value)) problems.push(`${id.value} appears more than once`);
    seen.add(id.value);
    if (isBlank(r.share)) {
      problems.push(`share of ${id.value} is missing`);
      continue;
    }
    const share = tryDecimal(r.share);
    if (!share.ok) {
      problems.push(`share of ${id.value}: ${share.message}`);
      continue;
    }
    if (share.value.lte(0) || share.value.gt(1)) {
      problems.push(
        `share of ${id.value}: expected more than 0 and at most 1, got ${share.value.toString()}`,
      );
      continue;
    }
    splits.push({ participantId: id.value, share: share.value });
  }
  if (problems.length > 0) return { ok: false, message: problems.join("; ") };
  const sum = splits.reduce((s, x) => s.plus(x.share), ZERO);
  if (!sum.equals(1)) {
    return {
      ok: false,
      message: `shares must add up to exactly 1, got ${sum.toString()} (${splits.map((s) => s.share.toString()).join(" + ")})`,
    };
  }
  return { ok: true, value: splits };
}

const UNIT = 10 ** FIXED_SCALE;

/**
 * The common case of {@link parseSplits}, decided in integers: a list of `{ participantId, share }` with text
 * ids, each participant once, shares in (0, 1] with at most six decimals that add up to exactly 1. Anything else
 * (including every kind of mistake) gives undefined, and parseSplits decides and explains. `units`: the shares
 * in millionths. `shareCache` (by millionths) lets a caller reading many transactions make each distinct share
 * once. `canonical`: every
 * share is text written as decimal.js writes it (`"0.6"`, not `0.6` or `"0.60"`), so the list can serve as the
 * transaction's facts as it is.
 *
 * @example
 * ```ts
 * plainSplits([{ participantId: "ana", share: "0.6" }, { participantId: "ben", share: "0.4" }])?.canonical; // true
 * ```
 */
export function plainSplits(
  list: readonly unknown[],
  shareCache?: Map<number, { decimal: Decimal; text: string }>,
): { splits: Split[]; units: number[]; canonical: boolean } | undefined {
  let sum = 0;
  let canonical = true;
  // Sized once: a list grown by push reserves room for sixteen, and a million deals make two lists each.
  const shares: number[] = new Array(list.length);
  const splits: Split[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (!isPlainObject(element)) return undefined;
    let keys = 0;
    for (const key in element) {
      if (key !== "participantId" && key !== "share") return undefined;
      keys++;
    }
    if (keys !== 2 || !Object.hasOwn(element, "participantId") || !Object.hasOwn(element, "share"))
      return undefined;
    const id = element.participantId;
    const share = element.share;
    if (typeof id !== "string" || isBlank(id)) return undefined;
    const units =
      typeof share === "string"
        ? fixedUnits(share)
        : typeof share === "number"
          ? fixedUnitsOfNumber(share)
          : Number.NaN;
    if (!(units > 0 && units <= UNIT)) return undefined;
    for (let k = 0; k < i; k++) if ((splits[k] as Split).participantId === id) return undefined;
    sum += units;
    // A deal's shares are nearly always one of a few values (0.5, 0.6, …): each is made into a Decimal once per
    // run when the caller keeps a cache (Decimals are immutable, so sharing one is safe).
    // (With its text, which decides whether the share is written canonically: toString writes a new string.)
    let cached = shareCache?.get(units);
    if (cached === undefined) {
      const decimal = new Decimal(fixedToString(units));
      cached = { decimal, text: decimal.toString() };
      shareCache?.set(units, cached);
    }
    if (canonical && share !== cached.text) canonical = false;
    splits[i] = { participantId: id, share: cached.decimal };
    shares[i] = units;
  }
  return sum === UNIT ? { splits, units: shares, canonical } : undefined;
}
