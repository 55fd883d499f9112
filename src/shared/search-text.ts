/**
 * Text folding for accent- and case-insensitive search without a collation (the in-process
 * MongoDB server has none, and a stored folded field is indexable anyway): store
 * `foldForSearch(name)` beside the name and match `foldForSearch(q)` against it.
 */

// Letters that NFD does not split into a base letter and a combining mark.
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Characters that render as nothing: soft hyphen, zero-width space/non-joiner/joiner, word joiner,
 * BOM, variation selectors, Hangul fillers… (Unicode Default_Ignorable_Code_Point). A name with one
 * looks like the name without it, so the fold drops them.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}+/gu;

/**
 * "Saint-Étienne" → "saint etienne", "Llíria" → "lliria": lower case, no marks, punctuation as spaces.
 * Look-alikes fold alike: compatibility forms are unified (NFKD = the NFKC the audit asks for, then
 * NFD: "Ｌｌíria", "ﬁ" → "fi") and invisible characters dropped ("Lli\u00ADria" → "lliria").
 * For text without compatibility or invisible characters this is the earlier fold (NFKD = NFD).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(INVISIBLE, '')
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
