/**
 * The two `socket_read()` modes, which PHP defines the same on every platform.
 *
 * @module
 */

/** `socket_read()` mode: stop at the first `\n` or `\r`. */
export const PHP_NORMAL_READ = 1;
/** `socket_read()` mode: one `recv()` (the default). */
export const PHP_BINARY_READ = 2;
