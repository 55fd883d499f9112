/**
 * C0 controls other than tab, line feed and carriage return, DEL, and C1 controls: never part of a
 * text a person typed (a NUL byte, an escape sequence…). Bidirectional marks and isolates are not
 * among them: Arabic and Hebrew text needs them.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The first control character of `text` as `U+XXXX`, or null when it has none. */
export function controlCharacterIn(text: string): string | null {
  const match = CONTROL_CHARACTER.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** For class-validator's `@Matches`: a text without control characters. */
export const WITHOUT_CONTROL_CHARACTERS = new RegExp(`^(?:(?!${CONTROL_CHARACTER.source}).)*$`, 's');

export const controlCharacterMessage = (field: string, found: string) => `${field} must not contain control characters (found ${found})`;
