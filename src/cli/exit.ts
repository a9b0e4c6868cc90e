/** Exit codes scripts rely on (DESIGN.md "Behaviour a user can rely on"). */
export const EXIT = {
  ok: 0,
  /** A --fail-under or --max-risk threshold was crossed. */
  threshold: 1,
  /** Usage error, or an input that could not be read. */
  input: 2,
  /** Interrupted by SIGINT. */
  interrupted: 130,
} as const;

/** A usage problem found after commander has parsed the arguments. */
export class UsageError extends Error {}
