/**
 * Text folding for accent- and case-insensitive search without a collation (the in-process
 * MongoDB server has none, and a stored folded field is indexable anyway): store
 * `foldForSearch(name)` beside the name and match `foldForSearch(q)` against it.
 */

// Letters that NFD does not split into a base letter and a combining mark.
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** "Saint-Étienne" → "saint etienne", "Llíria" → "lliria": lower case, no marks, punctuation as spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A string as a literal inside a RegExp (user input must never become a pattern). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
