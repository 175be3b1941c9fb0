/**
 * Imported data (CSV cells, text read from documents) may carry terminal control sequences: ESC
 * (colour, cursor moves, OSC 8 links, window titles), C1 controls (0x9B is CSI on some terminals),
 * DEL, and bidi overrides that reorder what is shown. Text from the data is printed escaped so it
 * can never drive the terminal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Inside JSON the C0 controls are already escaped by JSON.stringify; the rest are not.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** One line of plain text: every control character as a visible escape (\x1b, \n, \u202e). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}

/** JSON.stringify whose output is still valid JSON (same value when parsed) and safe on a terminal. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
