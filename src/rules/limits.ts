// Limits on the size of conditions and value expressions. Each is compiled into a tree of closures and
// evaluated by recursion, one JavaScript stack frame (or a few) per level; Node's default stack holds about
// 10,000 frames, and an 8,000-term sum or 3,000 nested parentheses overflowed it. Real plans use a handful of
// levels and terms; these limits are far above that, and far below the stack, so going past one is a clear
// plan error instead of a RangeError. docs/plan-format.md documents them.

/** Deepest nesting of `all` / `any` / `not` in one condition. */
export const MAX_CONDITION_DEPTH = 64;

/** Deepest nesting of parentheses, unary minus and function calls in one value expression. */
export const MAX_EXPRESSION_DEPTH = 64;

/**
 * Most numbers and fields in one value expression. A sum of n terms is evaluated n calls deep (each `+` calls
 * the one on its left), so this also bounds the evaluator's stack.
 */
export const MAX_EXPRESSION_TERMS = 1000;
