/** How many entries the top level of a JSON text holds, counted from its characters before anything is parsed. */
export interface JsonShape {
  /** Keys of the top-level object, or items of the top-level array (0 for a scalar). */
  top: number;
  /** Whether the top level is an array. */
  topIsArray: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * One pass over the characters (about 2 ms for 650 KB, where JSON.parse of 60,000 keys takes 30–50 ms
 * and allocates them all), so a body with far too many top-level entries is refused before it is
 * parsed. Entries of a container are its commas plus one when it is not empty. Meaningful for valid
 * JSON only: on malformed text the count is approximate, and parsing reports the error.
 */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let top = 0;
  let topIsArray = false;
  /** A container was just opened: the next character tells whether it holds a first entry. */
  let pendingEmpty = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    if (pendingEmpty && code !== CLOSE_OBJECT && code !== CLOSE_ARRAY) {
      // The first entry of the container just opened.
      if (depth === 1) top++;
    }
    pendingEmpty = false;
    if (code === QUOTE) {
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth === 0) topIsArray = code === OPEN_ARRAY;
      depth++;
      pendingEmpty = true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    } else if (code === COMMA && depth === 1) {
      top++;
    }
  }
  return { top, topIsArray };
}
