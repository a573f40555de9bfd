/** Where a JSON text first goes wrong and what was expected there. */
export interface JsonErrorAt {
  /** 0-based offset into the text; the text's length for an unexpected end. */
  offset: number;
  expected: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /[0-9a-fA-F]{4}/y;

class Stop {
  constructor(readonly at: JsonErrorAt) {}
}

/**
 * Finds the first syntax error of a JSON text, for the error message only (the text is parsed by `JSON.parse`).
 *
 * Node 20's `JSON.parse` often says `Unexpected token '}', "…" is not valid JSON` with no position, and a user
 * with a 10,000-line file needs the line. This scanner follows the JSON grammar without building values and
 * stops at the first character that cannot continue it. Returns `undefined` for valid JSON, or when nesting is
 * too deep to scan.
 *
 * @example
 * ```ts
 * findJsonError('[{"a":1},\n{"a":}]'); // { offset: 15, expected: "a value" }
 * ```
 */
export function findJsonError(text: string): JsonErrorAt | undefined {
  let i = 0;
  const stop = (expected: string): never => {
    throw new Stop({ offset: i, expected });
  };
  const ws = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else break;
    }
  };
  const string = () => {
    if (text[i] !== '"') stop("a string in double quotes");
    i++;
    for (;;) {
      if (i >= text.length) stop('a closing "');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) {
            i += 2;
            stop("4 hex digits after \\u");
          }
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else {
          i++;
          stop('an escape such as \\n or \\"');
        }
      } else if (c < 0x20) stop("no control character inside a string (write \\n)");
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ":") stop("':' after the property name");
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else stop("',' or '}' after the property value");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else stop("',' or ']' after the list element");
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) stop("a number");
      i = NUMBER.lastIndex;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    stop("a value");
  };
  try {
    value();
    ws();
    if (i < text.length) stop("the end of the text");
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}
