/**
 * Writes a value as `JSON.stringify(value, null, 2)` followed by a newline would, byte for byte, but as a
 * sequence of chunks of about `chunkSize` characters, so output larger than V8's longest string (~512 MiB:
 * a run's JSON on a few million deals) can be written without ever being one string.
 *
 * Arrays are walked element by element, and objects key by key unless they are small and flat (a deal line,
 * a reject); each of those is stringified whole, so the largest string built is one such element plus a chunk.
 *
 * @param value - plain data (what `JSON.stringify` accepts; `toJSON` is honoured, cycles are not supported).
 * @param chunkSize - the size, in characters, at which a chunk is handed out. Default 64 KiB.
 * @returns the chunks, in order; their concatenation is `JSON.stringify(value, null, 2) + "\n"`.
 * @example
 * ```ts
 * for (const chunk of jsonChunks(result)) process.stdout.write(chunk);
 * ```
 */
export function* jsonChunks(value: unknown, chunkSize = 1 << 16): Generator<string, void, undefined> {
  let buffer = "";
  for (const piece of walk(withToJson(value, ""), "")) {
    buffer += piece;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}\n`;
}

// An object at most this wide whose values are all primitives is stringified in one go: JSON.stringify is
// much faster than walking, and such an object is small.
const FLAT_KEYS = 64;
// Flat array elements stringified together: at most this many, and about this many characters (a long
// string, or a row with one, goes alone).
const BATCH = 256;
const BATCH_CHARS = 1 << 16;

// `value` has had its toJSON applied already (JSON.stringify calls it once per value).
function* walk(value: unknown, indent: string): Generator<string, void, undefined> {
  if (value === null || typeof value !== "object") {
    yield JSON.stringify(value) ?? "null";
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    let i = 0;
    while (i < value.length) {
      // A run of flat elements (deal lines, rejects, strings) is stringified as one slice: one call instead of
      // one per element, about twice as fast, and still a bounded string.
      let end = i;
      let size = 0;
      while (end < value.length && end - i < BATCH && size < BATCH_CHARS) {
        const estimate = flatSize(value[end]);
        if (estimate < 0) break;
        size += estimate;
        end++;
      }
      const sep = i === 0 ? "\n" : ",\n";
      if (end > i) {
        const text = JSON.stringify(value.slice(i, end), null, 2);
        // "[\n  a,\n  b\n]" → "  a,\n  b", re-indented to this depth.
        const body = text.slice(2, -2);
        yield sep + (indent ? body.replaceAll("\n", `\n${indent}`) : body).replace(/^/, indent);
        i = end;
      } else {
        yield `${sep}${inner}`;
        yield* walk(withToJson(value[i], String(i)), inner);
        i++;
      }
    }
    yield `\n${indent}]`;
    return;
  }
  if (isFlat(value as Record<string, unknown>)) {
    const text = JSON.stringify(value, null, 2);
    yield indent ? text.replaceAll("\n", `\n${indent}`) : text;
    return;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const child = withToJson((value as Record<string, unknown>)[k], k);
    if (omitted(child)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* walk(child, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

// What JSON.stringify leaves out of an object (and writes as null in an array).
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

function withToJson(v: unknown, key: string): unknown {
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function")
    return (v as { toJSON(key: string): unknown }).toJSON(key);
  return v;
}

// About how long a primitive or a flat object (no toJSON of its own, so slicing it out of its array cannot
// change it) is as JSON; -1 for anything else.
function flatSize(v: unknown): number {
  if (typeof v === "string") return v.length + 2;
  if (v === null || typeof v !== "object") return 8;
  if (Array.isArray(v) || typeof (v as { toJSON?: unknown }).toJSON === "function") return -1;
  let size = 2;
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const x = (v as Record<string, unknown>)[k];
    if (++n > FLAT_KEYS || (x !== null && typeof x === "object")) return -1;
    size += k.length + (typeof x === "string" ? x.length : 8) + 8;
  }
  return size;
}

function isFlat(o: Record<string, unknown>): boolean {
  let n = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    if (++n > FLAT_KEYS) return false;
    const v = o[k];
    if (v !== null && typeof v === "object") return false;
  }
  return true;
}
