import { checkArgument } from "../errors/checkArgument.js";
/**
 * Names that reach JavaScript's object machinery instead of data; refused in paths and field names.
 *
 * @example
 * ```ts
 * FORBIDDEN_KEYS.has("__proto__"); // true
 * ```
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

// A dotted name: letters, digits, `_` and `-` (json-rules-engine's JSONPath reads `$.first-name` as one key).
// Anything else is written in brackets: `$['first name']`.
const NAME_CHAR = /[A-Za-z0-9_-]/;
// Characters that mean something to JSONPath even inside quotes (jsonpath-plus reads `$['@a']`, `$['^']` or
// `$['a,b']` as syntax), so a quoted name holding one would not read the same key in json-rules-engine.
const QUOTED_REFUSED = /['"\\`[\]()*$,;^~@{}]/;

/**
 * Parses a condition's `path` into the keys it walks, or explains why it is refused.
 *
 * json-rules-engine hands `path` to the JSONPath library `jsonpath-plus`, whose script and filter expressions
 * (`$[?(@.x)]`, `$..[(...)]`) have allowed remote code execution (CVE-2024-21534, CVE-2025-1302). compplan
 * reads a safe subset itself: `$`, then any of `.name`, `['name']` / `["name"]` and `[index]`; no wildcards,
 * recursive descent, filters, scripts, slices or negative indexes, and never `__proto__`, `constructor` or
 * `prototype`.
 *
 * @example
 * ```ts
 * parseFactPath("$.address['zip code']"); // { ok: true, keys: ["address", "zip code"] }
 * parseFactPath("$..city");               // { ok: false, message: "recursive descent (..) is not supported; ..." }
 * ```
 */
export function parseFactPath(path: string): { ok: true; keys: string[] } | { ok: false; message: string } {
  checkArgument("parseFactPath", "path", path, "text");
  const fail = (message: string) => ({ ok: false as const, message });
  if (path === "") return fail("path is empty; write $.field, or remove path");
  if (path[0] !== "$") {
    const hint = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path) ? `; did you mean $.${path}?` : "";
    return fail(`path must start with $, as in $.address.city${hint}`);
  }
  const keys: string[] = [];
  let i = 1;
  while (i < path.length) {
    const at = i + 1; // 1-based column of the current character, for messages
    const ch = path[i];
    if (ch === ".") {
      const next = path[i + 1];
      if (next === ".")
        return fail("recursive descent (..) is not supported; write the full path, e.g. $.a.b");
      if (next === "*") return fail("wildcards (*) are not supported; a path reads one value");
      let end = i + 1;
      while (end < path.length && NAME_CHAR.test(path[end]!)) end++;
      if (end === i + 1) {
        return fail(
          next === undefined
            ? "path ends with '.'; expected a name after it"
            : `unexpected ${JSON.stringify(next)} at column ${at + 1}; write a name such as .city, or ['odd name']`,
        );
      }
      keys.push(path.slice(i + 1, end));
      i = end;
    } else if (ch === "[") {
      const next = path[i + 1];
      if (next === "'" || next === '"') {
        const close = path.indexOf(next, i + 2);
        if (close < 0) return fail(`unterminated quoted name at column ${at + 1}`);
        const name = path.slice(i + 2, close);
        const special = QUOTED_REFUSED.exec(name)?.[0];
        if (special !== undefined) {
          return fail(
            `a quoted name cannot contain ${JSON.stringify(special)} (column ${at + 2 + name.indexOf(special)})`,
          );
        }
        if (/^\.+$/.test(name))
          return fail(`${JSON.stringify(name)} is not a usable name (JSONPath reads it as recursion)`);
        if (path[close + 1] !== "]") return fail(`expected ] at column ${close + 2}`);
        keys.push(name);
        i = close + 2;
      } else if (next !== undefined && next >= "0" && next <= "9") {
        let end = i + 1;
        while (end < path.length && path[end]! >= "0" && path[end]! <= "9") end++;
        const index = path.slice(i + 1, end);
        if (path[end] !== "]")
          return fail(`expected ] after index ${index} at column ${end + 1}; slices are not supported`);
        if (index.length > 1 && index[0] === "0") return fail(`index ${index} has a leading zero`);
        keys.push(index);
        i = end + 1;
      } else if (next === "*") {
        return fail("wildcards ([*]) are not supported; a path reads one value");
      } else if (next === "?" || next === "(") {
        return fail("filters and script expressions ([?(...)], [(...)]) are not supported, for safety");
      } else if (next === "-" || next === ":") {
        return fail("negative indexes and slices are not supported; write a non-negative index such as [0]");
      } else {
        return fail(`expected a quoted name or an index after [ at column ${at}`);
      }
    } else if (ch === "*") {
      return fail("wildcards (*) are not supported; a path reads one value");
    } else if (ch === "@" || ch === "?" || ch === "(") {
      return fail("filters and script expressions are not supported, for safety");
    } else {
      return fail(`unexpected ${JSON.stringify(ch)} at column ${at}; expected .name, ['name'] or [index]`);
    }
    const key = keys[keys.length - 1]!;
    if (FORBIDDEN_KEYS.has(key)) {
      return fail(`"${key}" is refused in a path: it would reach JavaScript's object internals, not data`);
    }
  }
  return { ok: true, keys };
}
