/**
 * The base class of every error compplan throws on purpose. `code` is stable across versions, so callers
 * branch on it rather than on the message.
 *
 * @example
 * ```ts
 * try { loadPlan("plan.yaml"); } catch (e) { if (e instanceof CompplanError) console.error(e.code); }
 * ```
 */
export class CompplanError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
