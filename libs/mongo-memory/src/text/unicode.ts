/**
 * The character rules of MongoDB's text indexes (version 3), from the Unicode properties the
 * server's generated tables come from: word delimiters, case folding and diacritic removal.
 * (The server's tables were built from Unicode 8; these follow the Unicode version of the
 * running Node, which only differs for characters added since.)
 */

/** White_Space, Dash, Hyphen, Quotation_Mark, Terminal_Punctuation, Pattern_Syntax, STerm. */
const DELIMITER_CLASS =
  '\\p{White_Space}\\p{Dash}\\p{Quotation_Mark}\\p{Terminal_Punctuation}\\p{Pattern_Syntax}\\p{Sentence_Terminal}' +
  '\\u002D\\u00AD\\u058A\\u1806\\u2010\\u2011\\u2E17\\u30FB\\uFE63\\uFF0D\\uFF65';
const DELIMITERS = new RegExp(`[${DELIMITER_CLASS}]+`, 'u');
/** In English the ASCII apostrophe is part of a word ("don't", "city's"). */
const ENGLISH_DELIMITERS = new RegExp(`(?:(?!')[${DELIMITER_CLASS}])+`, 'u');

/** The words of a text, split on delimiters. */
export function splitWords(text: string, english: boolean): string[] {
  return text.split(english ? ENGLISH_DELIMITERS : DELIMITERS).filter((w) => w !== '');
}

const DIACRITIC = /\p{Diacritic}/u;
const foldCache = new Map<string, string>();
const stripCache = new Map<string, string>();

/** Simple case folding of one code point (ς and σ, ſ and s fold together; ß stays ß). */
function foldChar(c: string): string {
  let folded = foldCache.get(c);
  if (folded === undefined) {
    const upper = c.toUpperCase();
    const lower = ([...upper].length === 1 ? upper : c).toLowerCase();
    folded = [...lower].length === 1 ? lower : c;
    foldCache.set(c, folded);
  }
  return folded;
}

/** One code point without its diacritics: marks vanish, letters lose theirs ("ñ" -> "n"). */
function stripChar(c: string): string {
  let stripped = stripCache.get(c);
  if (stripped === undefined) {
    if (DIACRITIC.test(c)) {
      stripped = '';
    } else {
      const base = [...c.normalize('NFD')]
        .filter((x) => !DIACRITIC.test(x))
        .join('')
        .normalize('NFC');
      stripped = base !== c && [...base].length === 1 ? base : c;
    }
    stripCache.set(c, stripped);
  }
  return stripped;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** ASCII without its two diacritics, ^ and `. */
const ASCII_PLAIN = /^[\x00-\x5d\x5f\x61-\x7f]*$/;

export function caseFold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (const c of s) out += foldChar(c);
  return out;
}

export function stripDiacritics(s: string): string {
  if (ASCII_PLAIN.test(s)) return s;
  let out = '';
  for (const c of s) out += stripChar(c);
  return out;
}
