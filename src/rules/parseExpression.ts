import { Decimal } from "../money/index.js";
import { didYouMean } from "./didYouMean.js";
import type { ExpressionIssue } from "./ExpressionError.js";
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_TERMS } from "./limits.js";
import { FORBIDDEN_KEYS } from "./parseFactPath.js";

/** The functions an expression may call, with how many arguments each takes. */
const FUNCTIONS = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
} as const;

/**
 * A function an expression may call.
 *
 * @example
 * ```ts
 * const f: ExpressionFunction = "max"; // max(amount - 500, 0)
 * ```
 */
export type ExpressionFunction = keyof typeof FUNCTIONS;

/**
 * A parsed arithmetic expression. `start`/`end` are 0-based offsets into the text, so an error at evaluation can
 * quote the part that failed (the divisor that was zero).
 *
 * @example
 * ```ts
 * parseExpression("-a").node; // { kind: "negate", operand: { kind: "field", name: "a", keys: ["a"], start: 1, end: 2 }, start: 0, end: 2 }
 * ```
 */
export type ExpressionNode = { start: number; end: number } & (
  | { kind: "number"; value: Decimal }
  | { kind: "field"; name: string; keys: string[] }
  | { kind: "negate"; operand: ExpressionNode }
  | { kind: "binary"; operator: "+" | "-" | "*" | "/"; left: ExpressionNode; right: ExpressionNode }
  | { kind: "call"; name: ExpressionFunction; args: ExpressionNode[] }
);

interface Token {
  kind: "number" | "name" | "operator" | "(" | ")" | "," | "end";
  text: string;
  start: number;
}

// A dotted field name (`deal.amount`) is one token: the dot is not an operator in this language.
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)/y;
const EXPONENT = /[eE][+-]?\d/y;
const BLANK = /\s+/y;

// Characters people reach for that this language deliberately lacks, with what to write instead.
const REFUSED: Readonly<Record<string, string>> = {
  "%": "percent and modulo are not supported; write a rate as a decimal, e.g. amount * 0.05",
  "^": "powers are not supported; multiply instead",
  "=": "comparisons belong in conditions (when:), not in a value",
  "<": "comparisons belong in conditions (when:), not in a value",
  ">": "comparisons belong in conditions (when:), not in a value",
  "!": "comparisons belong in conditions (when:), not in a value",
  "?": "choices belong in conditions or multipliers, not in a value",
};

function tokenize(text: string, issues: ExpressionIssue[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (regex: RegExp): string | undefined => {
    regex.lastIndex = i;
    return regex.exec(text)?.[0];
  };
  while (i < text.length) {
    const blank = at(BLANK);
    if (blank) {
      i += blank.length;
      continue;
    }
    const ch = text[i]!;
    const number = at(NUMBER);
    if (number) {
      tokens.push({ kind: "number", text: number, start: i });
      i += number.length;
      if (at(EXPONENT)) {
        issues.push({
          column: i + 1,
          message: "exponent notation (1e3) is not supported; write the number out, e.g. 1000",
        });
        i += at(/[eE][+-]?\d+/y)!.length;
      }
      continue;
    }
    const name = at(NAME);
    if (name) {
      tokens.push({ kind: "name", text: name, start: i });
      i += name.length;
      if (text[i] === ".") {
        issues.push({ column: i + 1, message: `expected a field name after "${name}."` });
        i++;
      }
      continue;
    }
    if ("+-*/".includes(ch)) {
      if (ch === "*" && text[i + 1] === "*")
        issues.push({ column: i + 1, message: "powers (**) are not supported; multiply instead" });
      tokens.push({ kind: "operator", text: ch, start: i });
    } else if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ kind: ch, text: ch, start: i });
    } else {
      issues.push({
        column: i + 1,
        message: `unexpected ${JSON.stringify(ch)}${REFUSED[ch] ? `: ${REFUSED[ch]}` : ""}`,
      });
    }
    i++;
  }
  tokens.push({ kind: "end", text: "", start: text.length });
  return tokens;
}

class SyntaxFailure {
  constructor(readonly issue: ExpressionIssue) {}
}

/**
 * Parses an arithmetic expression over fields (`amount * 12 / termMonths`), returning its tree, the fields it
 * reads (dotted as written, sorted, unique) and every problem found. Grammar, by increasing precedence:
 *
 * ```
 * expression := term (("+" | "-") term)*
 * term       := unary (("*" | "/") unary)*
 * unary      := "-" unary | primary
 * primary    := number | field | function "(" expression ("," expression)* ")" | "(" expression ")"
 * ```
 *
 * Syntax stops at the first error (later ones would only echo it); unknown functions, wrong argument counts
 * and forbidden field names are all reported.
 *
 * @example
 * ```ts
 * parseExpression("amount * 12 / termMonths").fields; // ["amount", "termMonths"]
 * parseExpression("amount *").issues; // [{ column: 9, message: "expected a number, a field or ( at the end" }]
 * ```
 */
export function parseExpression(text: string): {
  node?: ExpressionNode;
  fields: string[];
  issues: ExpressionIssue[];
} {
  const issues: ExpressionIssue[] = [];
  if (text.trim() === "") {
    return {
      fields: [],
      issues: [
        {
          column: 1,
          message:
            "expression is empty; write a field such as amount, or a formula such as amount * 12 / termMonths",
        },
      ],
    };
  }
  const tokens = tokenize(text, issues);
  if (issues.length > 0) return { fields: [], issues };

  const fields = new Set<string>();
  let position = 0;
  const peek = (): Token => tokens[position]!;
  const next = (): Token => tokens[position++]!;
  const describe = (token: Token): string =>
    token.kind === "end" ? "the end" : `${JSON.stringify(token.text)}`;
  const fail = (token: Token, message: string): never => {
    throw new SyntaxFailure({ column: token.start + 1, message });
  };

  // Nesting and size, bounded so that parsing, compiling and evaluating never overflow the stack (see limits.ts).
  let depth = 0;
  let terms = 0;
  const deeper = (token: Token): void => {
    if (++depth > MAX_EXPRESSION_DEPTH) {
      fail(
        token,
        `nested more than ${MAX_EXPRESSION_DEPTH} levels deep (parentheses, minus signs and function calls); simplify the expression`,
      );
    }
  };
  const counted = (token: Token): void => {
    if (++terms > MAX_EXPRESSION_TERMS) {
      fail(
        token,
        `an expression holds at most ${MAX_EXPRESSION_TERMS} numbers and fields; this one has more`,
      );
    }
  };

  const expression = (): ExpressionNode => {
    let left = term();
    while (peek().kind === "operator" && (peek().text === "+" || peek().text === "-")) {
      const operator = next().text as "+" | "-";
      const right = term();
      left = { kind: "binary", operator, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const term = (): ExpressionNode => {
    let left = unary();
    while (peek().kind === "operator" && (peek().text === "*" || peek().text === "/")) {
      const operator = next().text as "*" | "/";
      const right = unary();
      left = { kind: "binary", operator, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const unary = (): ExpressionNode => {
    const token = peek();
    if (token.kind === "operator" && token.text === "-") {
      next();
      deeper(token);
      const operand = unary();
      depth--;
      return { kind: "negate", operand, start: token.start, end: operand.end };
    }
    return primary();
  };
  const primary = (): ExpressionNode => {
    const token = next();
    const end = token.start + token.text.length;
    if (token.kind === "number") {
      counted(token);
      return { kind: "number", value: new Decimal(token.text), start: token.start, end };
    }
    if (token.kind === "(") {
      deeper(token);
      const inner = expression();
      depth--;
      const close = next();
      if (close.kind !== ")") {
        fail(token, `unbalanced parenthesis: this "(" is not closed; expected ")" before ${describe(close)}`);
      }
      return { ...inner, start: token.start, end: close.start + 1 };
    }
    if (token.kind === "name") {
      if (peek().kind === "(") return call(token);
      counted(token);
      const keys = token.text.split(".");
      const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
      if (forbidden) {
        issues.push({
          column: token.start + 1,
          message: `"${forbidden}" cannot be a field name: it reaches JavaScript's object internals`,
        });
      }
      fields.add(token.text);
      return { kind: "field", name: token.text, keys, start: token.start, end };
    }
    if (token.kind === ")") return fail(token, `unbalanced parenthesis: ")" has no matching "("`);
    return fail(
      token,
      `expected a number, a field or ( ${token.kind === "end" ? "at the end" : `but found ${describe(token)}`}`,
    );
  };
  const call = (nameToken: Token): ExpressionNode => {
    const open = next();
    deeper(open);
    const args: ExpressionNode[] = [];
    if (peek().kind !== ")") {
      args.push(expression());
      while (peek().kind === ",") {
        next();
        args.push(expression());
      }
    }
    depth--;
    const close = next();
    if (close.kind !== ")") {
      fail(
        open,
        `unbalanced parenthesis: this "(" is not closed; expected "," or ")" before ${describe(close)}`,
      );
    }
    const name = nameToken.text;
    const column = nameToken.start + 1;
    if (!Object.hasOwn(FUNCTIONS, name)) {
      const guess = didYouMean(name, Object.keys(FUNCTIONS));
      issues.push({
        column,
        message:
          `unknown function "${name}"` +
          (guess ? ` (did you mean ${guess}?)` : "") +
          "; functions are min, max, abs",
      });
      return { kind: "call", name: "min", args, start: nameToken.start, end: close.start + 1 };
    }
    const arity = FUNCTIONS[name as ExpressionFunction];
    if (args.length < arity.min || args.length > arity.max) {
      issues.push({
        column,
        message:
          arity.max === 1
            ? `${name} takes exactly 1 argument, got ${args.length}`
            : `${name} takes at least ${arity.min} argument, got ${args.length}`,
      });
    }
    return {
      kind: "call",
      name: name as ExpressionFunction,
      args,
      start: nameToken.start,
      end: close.start + 1,
    };
  };

  try {
    const node = expression();
    const rest = peek();
    if (rest.kind !== "end") {
      fail(
        rest,
        rest.kind === ")"
          ? `unbalanced parenthesis: ")" has no matching "("`
          : `unexpected ${describe(rest)}; expected an operator (+ - * /) or the end`,
      );
    }
    return { node, fields: [...fields].sort(), issues };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    issues.push(error.issue);
    return { fields: [...fields].sort(), issues };
  }
}
