/**
 * PHP's error model: exception classes, warnings through a replaceable
 * handler, and the global last error.
 *
 * @module
 */

/** PHP 8's `ValueError`: an argument has the right type but an invalid value. */
export class ValueError extends Error {
  /** Creates a ValueError with PHP's message. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ValueError";
  }
}

/** PHP 8's `ArgumentCountError` (a `TypeError`): a required argument is missing. */
export class ArgumentCountError extends TypeError {
  /** Creates an ArgumentCountError with PHP's message. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ArgumentCountError";
  }
}

/**
 * Receives PHP's warning text, e.g.
 * `socket_bind(): Unable to bind address [98]: Address already in use`, and
 * its level: `"Warning"`, or `"Notice"` for the few messages PHP raises as
 * `E_NOTICE` (e.g. `fwrite(): Send of 5 bytes failed with errno=32 Broken pipe`).
 */
export type WarningHandler = (message: string, level?: "Warning" | "Notice") => void;

/** The default handler: one line `Warning: <text>` (or `Notice: <text>`) on standard error. */
export const defaultWarningHandler: WarningHandler = (message, level = "Warning") => {
  console.error(`${level}: ${message}`);
};

let handler: WarningHandler | null = defaultWarningHandler;

/**
 * Installs the function that receives PHP's warnings; `null` silences them.
 *
 * @param next The new handler, or `null` for none.
 * @returns The previous handler (`null` if warnings were silenced).
 * @example
 * ```ts
 * import { setWarningHandler } from "./mod.ts";
 * const seen: string[] = [];
 * const previous = setWarningHandler((m) => seen.push(m));
 * // ... socket calls ...
 * setWarningHandler(previous);
 * ```
 */
export function setWarningHandler(next: WarningHandler | null): WarningHandler | null {
  const previous = handler;
  handler = next;
  return previous;
}

/**
 * Runs `fn` with warnings silenced, like PHP's `@` operator, and returns its
 * result. Error codes are still recorded.
 *
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket_create, socket_connect, withoutWarnings } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) withoutWarnings(() => socket_connect(s, "127.0.0.1", 1)); // false, no warning
 * ```
 */
export function withoutWarnings<T>(fn: () => T): T {
  const previous = setWarningHandler(null);
  try {
    return fn();
  } finally {
    setWarningHandler(previous);
  }
}

/** Emits a warning `<fn>(): <text>` through the current handler. */
export function warn(fn: string, text: string): void {
  handler?.(`${fn}(): ${text}`);
}

/**
 * Emits a warning without a function prefix, as the engine's own warnings
 * read (`Object of class stdClass could not be converted to int`).
 */
export function warnPlain(text: string): void {
  handler?.(text);
}

/** Emits a notice (PHP's `E_NOTICE`) `<fn>(): <text>` through the current handler. */
export function notice(fn: string, text: string): void {
  handler?.(`${fn}(): ${text}`, "Notice");
}

let globalLastError = 0;

/** The module-wide last error (PHP's `SOCKETS_G(last_error)`). */
export function getGlobalError(): number {
  return globalLastError;
}

/** Sets the module-wide last error. */
export function setGlobalError(code: number): void {
  globalLastError = code;
}
