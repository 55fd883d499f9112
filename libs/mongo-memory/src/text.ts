import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import { isPlainObject, pathValues } from './values';

/**
 * $text support: tokens are lower-cased, stripped of diacritics and English stop words, and
 * plurals are folded ("cities" finds "city"). A server's Snowball stemmer does more
 * ("running" -> "run"); that is a documented gap.
 */

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have if in into is it its no not of on or such that the their then there these they this to was were will with'.split(
    ' ',
  ),
);

export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function tokenize(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !STOP_WORDS.has(t))
    .map(stem);
}

export interface TextFields {
  /** path -> weight; '$**' indexes every string in the document. */
  weights: Map<string, number>;
}

function stringsOf(doc: unknown, path: string): string[] {
  if (path === '$**') {
    const out: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (isPlainObject(v)) Object.values(v).forEach(walk);
    };
    walk(doc);
    return out;
  }
  return pathValues(doc, path).filter((v): v is string => typeof v === 'string');
}

/** Index keys for a document: one per distinct token. */
export function textKeys(doc: Document, fields: TextFields): string[] {
  const tokens = new Set<string>();
  for (const path of fields.weights.keys()) for (const s of stringsOf(doc, path)) for (const t of tokenize(s)) tokens.add(t);
  return [...tokens].map((t) => 't' + t);
}

export interface TextSearch {
  terms: string[];
  negated: string[];
  phrases: string[];
}

export function parseSearch(spec: unknown): TextSearch {
  if (!isPlainObject(spec) || typeof spec.$search !== 'string') throw new CommandError(Code.BadValue, '$text requires a $search string');
  for (const key of Object.keys(spec)) {
    if (key === '$caseSensitive' || key === '$diacriticSensitive') {
      if (spec[key]) throw new CommandError(Code.NotImplemented, `$text ${key} is not supported by mongo-memory`);
    } else if (key !== '$search' && key !== '$language') {
      throw new CommandError(Code.BadValue, `unknown $text option ${key}`);
    }
  }
  const search = spec.$search;
  const phrases = [...search.matchAll(/"([^"]*)"/g)].map((m) => fold(m[1])).filter(Boolean);
  const rest = search.replace(/"[^"]*"/g, ' ');
  const terms: string[] = [];
  const negated: string[] = [];
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const negative = word.startsWith('-');
    for (const t of tokenize(negative ? word.slice(1) : word)) (negative ? negated : terms).push(t);
  }
  return { terms, negated, phrases };
}

/** The score of a document for a search, or undefined when it does not match. */
export function scoreDocument(doc: Document, fields: TextFields, search: TextSearch): number | undefined {
  let score = 0;
  let matchedTerm = false;
  const texts: string[] = [];
  for (const [path, weight] of fields.weights) {
    for (const s of stringsOf(doc, path)) {
      texts.push(fold(s));
      const tokens = tokenize(s);
      for (const t of tokens) {
        if (search.negated.includes(t)) return undefined;
        if (search.terms.includes(t) || search.phrases.some((p) => tokenize(p).includes(t))) {
          matchedTerm ||= search.terms.includes(t);
          // Every occurrence counts, short fields weigh more: the shape of a server's score.
          score += weight * (0.5 + 0.5 / tokens.length);
        }
      }
    }
  }
  if (!search.phrases.every((p) => texts.some((t) => t.includes(p)))) return undefined;
  if (search.phrases.length === 0 && !matchedTerm) return undefined;
  return score;
}
