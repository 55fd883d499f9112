import type { Document } from 'bson';
import { CommandError, Code } from '../errors';
import { bsonType, isNumeric, isPlainObject } from '../values';
import { findLanguage, type Language } from './languages';
import { caseFold, splitWords, stripDiacritics } from './unicode';

/**
 * Text indexes and `$text` as a MongoDB server (text index version 3) does them:
 *
 * - Each string is split into words at Unicode delimiters, lower-cased, stripped of the stop
 *   words of its language, stemmed with the language's Snowball stemmer and only then stripped
 *   of diacritics ("Diseños" and "disenos" both index as "disen" in Spanish).
 * - A document's language is its `language_override` field (default `language`, looked up in
 *   every embedded document on the way down), else the index's `default_language`.
 * - The query is tokenized in its `$language`, else in the index's default language, and
 *   matches documents holding any of its terms (phrase words included); negated words, phrases
 *   and negated phrases then filter them.
 * - The score of a document is the sum, over the query's terms, of the score the index holds
 *   for that term: per string, weight * frequency * (0.5 * count / tokens + 0.5), with repeats
 *   counting 1 + 1/2 + 1/4..., and 1.1 times that when the term is the whole string.
 */

export const MAX_WORD_WEIGHT = 100_000;

export interface TokenOptions {
  filterStopWords?: boolean;
  caseSensitive?: boolean;
  diacriticSensitive?: boolean;
}

/** The terms of a text in a language, in order (stop words are checked lower-cased, with their diacritics). */
export function tokenize(language: Language, text: string, options: TokenOptions = {}): string[] {
  const out: string[] = [];
  for (const raw of splitWords(text, language.english)) {
    const lower = caseFold(raw);
    if (options.filterStopWords && language.stopWords.has(lower)) continue;
    const stem = language.stem(options.caseSensitive ? raw : lower);
    out.push(options.diacriticSensitive ? stem : stripDiacritics(stem));
  }
  return out;
}

/** The server orders field names and terms by their UTF-8 bytes. */
const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byteOrder(sorted[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The string is the term itself, but for ASCII case: the server's small bonus for exact fields. */
function isWholeField(raw: string, term: string): boolean {
  const a = Buffer.from(raw);
  const b = Buffer.from(term);
  if (a.length !== b.length) return false;
  const lower = (x: number) => (x >= 65 && x <= 90 ? x + 32 : x);
  for (let i = 0; i < a.length; i++) if (lower(a[i]) !== lower(b[i])) return false;
  return true;
}

const cannotCreate = (message: string) => new CommandError(Code.CannotCreateIndex, message);

/** A string of a document to index, with its language and field weight. */
export interface TextValue {
  text: string;
  language: Language;
  weight: number;
}

interface Frame {
  entries: [string, unknown][];
  next: number;
  language: Language;
  parentPath: string;
  isArray: boolean;
}

/** The text part of an index spec: which strings are indexed, how heavily, in which language. */
export class TextIndex {
  /** Field paths in byte order (the wildcard apart) and their weights. */
  private readonly paths: string[];
  private readonly weightOf: number[];
  readonly wildcard: boolean;
  readonly defaultLanguage: Language;
  readonly languageOverride: string;
  /** The index's fields and options as listIndexes shows them. */
  readonly options: { weights: Document; default_language: string; language_override: string; textIndexVersion: 3 };
  private readonly scores = new WeakMap<Document, Map<string, number>>();

  /** Validates the text options of an index spec as createIndexes does (67 CannotCreateIndex). */
  constructor(spec: Document) {
    const weights = new Map<string, number>();
    for (const [path, dir] of Object.entries(spec.key as Document)) if (dir === 'text') weights.set(path, 1);
    const given = spec.weights;
    if (isPlainObject(given)) {
      for (const [path, w] of Object.entries(given)) {
        if (!isNumeric(w)) throw cannotCreate('weight for text index needs numeric type');
        weights.set(path, Math.trunc(Number(typeof w === 'object' ? w.toString() : w)));
      }
    } else if (given === '$**') {
      weights.set('$**', 1);
    } else if (given !== undefined) {
      throw cannotCreate("text index option 'weights' must be an object");
    }
    for (const [path, weight] of weights) {
      if (!(weight > 0 && weight < MAX_WORD_WEIGHT)) {
        throw cannotCreate(`text index weight must be in the exclusive interval (0,${MAX_WORD_WEIGHT}) but found: ${weight}`);
      }
      if (path === '$**') continue;
      if (path === '') throw cannotCreate('weight cannot be on an empty field');
      const parts = path.split('.');
      if (parts.includes('')) throw cannotCreate('weight cannot have empty path component');
      if (parts.some((p) => p.startsWith('$'))) throw cannotCreate('weight cannot have path component with $ prefix');
    }

    const language = spec.default_language ?? 'english';
    if (typeof language !== 'string') throw cannotCreate('default_language needs a string type');
    const defaultLanguage = findLanguage(language);
    if (!defaultLanguage) throw cannotCreate('default_language is not valid');
    const override = spec.language_override ?? 'language';
    if (typeof override !== 'string') throw cannotCreate('language_override must be a string');
    if (override === '' || override.startsWith('$') || override.includes('.')) throw cannotCreate('language_override is not valid');

    const sorted = [...weights.keys()].sort(byteOrder);
    this.wildcard = weights.has('$**');
    this.paths = sorted.filter((p) => p !== '$**');
    this.weightOf = this.paths.map((p) => weights.get(p)!);
    this.defaultLanguage = defaultLanguage;
    this.languageOverride = override;
    this.options = {
      weights: Object.fromEntries(sorted.map((p) => [p, weights.get(p)!])),
      default_language: language,
      language_override: override,
      textIndexVersion: 3,
    };
  }

  /** The language of a (sub)document: its override field, else its parent's. 17261/17262 when unusable. */
  private languageOf(obj: Document, parent: Language): Language {
    if (!Object.hasOwn(obj, this.languageOverride)) return parent;
    const name = obj[this.languageOverride];
    if (typeof name !== 'string') throw new CommandError(17261, 'found language override field in document with non-string type');
    const language = findLanguage(name);
    if (!language) throw new CommandError(17262, `language override unsupported: ${name}`);
    return language;
  }

  private frame(value: Document | unknown[], language: Language, parentPath: string): Frame {
    if (Array.isArray(value)) return { entries: value.map((v, i) => [String(i), v]), next: 0, language, parentPath, isArray: true };
    return { entries: Object.entries(value), next: 0, language: this.languageOf(value, language), parentPath, isArray: false };
  }

  /**
   * The indexed strings of a document, walked as the server walks them: strings at a weighted
   * path (every string for a wildcard index), through embedded documents and one level of
   * arrays, each embedded document possibly switching the language.
   */
  *values(doc: Document): Generator<TextValue> {
    const stack: Frame[] = [];
    let frame = this.frame(doc, this.defaultLanguage, '');
    for (;;) {
      if (frame.next >= frame.entries.length) {
        const parent = stack.pop();
        if (!parent) return;
        frame = parent;
        continue;
      }
      const [name, value] = frame.entries[frame.next++];
      if (this.wildcard && name === this.languageOverride) continue;
      const dotted = frame.parentPath === '' ? name : frame.isArray ? frame.parentPath : `${frame.parentPath}.${name}`;
      const isObject = isPlainObject(value);
      const at = lowerBound(this.paths, isObject ? `${dotted}.` : dotted);
      const possible = at < this.paths.length;
      if (!this.wildcard && !(possible && (this.paths[at] === dotted || this.paths[at].startsWith(`${dotted}.`)))) continue;
      const exact = possible && this.paths[at] === dotted;
      // As on a server, a wildcard index weighs a field by the next weighted path in order.
      const weight = possible ? this.weightOf[at] : 1;
      if (typeof value === 'string') {
        if (exact || this.wildcard) yield { text: value, language: frame.language, weight };
      } else if (isObject) {
        if (!exact || this.wildcard) {
          stack.push(frame);
          frame = this.frame(value, frame.language, dotted);
        }
      } else if (Array.isArray(value)) {
        if (!frame.isArray || this.wildcard) {
          stack.push(frame);
          frame = this.frame(value, frame.language, dotted);
        }
      }
    }
  }

  /** The index entries of a document: each term and its score (throws 17261/17262 for a bad language). */
  termScores(doc: Document): Map<string, number> {
    let scores = this.scores.get(doc);
    if (scores) return scores;
    scores = new Map();
    for (const { text, language, weight } of this.values(doc)) {
      const counts = new Map<string, { count: number; freq: number; exp: number }>();
      let numTokens = 0;
      for (const term of tokenize(language, text, { filterStopWords: true })) {
        let data = counts.get(term);
        if (!data) counts.set(term, (data = { count: 0, freq: 0, exp: 0 }));
        data.exp = data.exp ? data.exp * 2 : 1;
        data.count += 1;
        data.freq += 1 / data.exp;
        numTokens++;
      }
      for (const [term, data] of counts) {
        const coeff = (0.5 * data.count) / numTokens + 0.5;
        const adjustment = isWholeField(text, term) ? 1 + 0.1 : 1;
        scores.set(term, (scores.get(term) ?? 0) + weight * data.freq * coeff * adjustment);
      }
    }
    this.scores.set(doc, scores);
    return scores;
  }

  keys(doc: Document): string[] {
    return [...this.termScores(doc).keys()].map((t) => 't' + t);
  }

  /** A $text query against this index; its language is `$language`, else the index's default. */
  query(params: TextParams): TextQuery {
    const name = params.language || this.defaultLanguage.name;
    const language = findLanguage(name);
    if (!language) throw new CommandError(Code.BadValue, `unsupported language: "${name}" for text index version 3`);
    return new TextQuery(this, params, language);
  }
}

export interface TextParams {
  search: string;
  language: string;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

function typeName(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 0x7fffffff ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'long';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (isPlainObject(v)) return 'object';
  return String(bsonType(v) ?? typeof v);
}

/** The `{$search, $language, $caseSensitive, $diacriticSensitive}` of a $text clause, checked as a server checks them. */
export function parseTextParams(spec: unknown): TextParams {
  if (!isPlainObject(spec)) throw new CommandError(Code.BadValue, '$text expects an object');
  const typed = (field: string, type: 'string' | 'boolean', name: string): boolean => {
    const v = spec[field];
    if (v === undefined) return false;
    if (typeof v !== type) throw new CommandError(Code.TypeMismatch, `"${field}" had the wrong type. Expected ${name}, found ${typeName(v)}`);
    return true;
  };
  if (!typed('$search', 'string', 'string')) throw new CommandError(Code.NoSuchKey, 'Missing expected field "$search"');
  let fields = 1;
  for (const [field, type, name] of [
    ['$language', 'string', 'string'],
    ['$caseSensitive', 'boolean', 'bool'],
    ['$diacriticSensitive', 'boolean', 'bool'],
  ] as const) {
    if (typed(field, type, name)) fields++;
  }
  if (Object.keys(spec).length !== fields) throw new CommandError(Code.BadValue, 'extra fields in $text');
  return {
    search: spec.$search as string,
    language: (spec.$language as string | undefined) ?? '',
    caseSensitive: spec.$caseSensitive === true,
    diacriticSensitive: spec.$diacriticSensitive === true,
  };
}

const QUERY_WHITESPACE = new Set(['\n', '\v', '\f', '\r', ' ']);

interface QueryToken {
  text: boolean;
  data: string;
  offset: number;
  afterWhitespace: boolean;
}

/** The server's $search scanner: runs of text, and `-` and `"` on their own, noting whitespace before each. */
function queryTokens(search: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let pos = 0;
  const skipWhitespace = () => {
    const start = pos;
    while (pos < search.length && QUERY_WHITESPACE.has(search[pos])) pos++;
    return pos > start;
  };
  skipWhitespace();
  let afterWhitespace = true;
  const isDelimiter = (c: string) => c === '-' || c === '"';
  while (pos < search.length) {
    const start = pos++;
    const text = !isDelimiter(search[start]);
    if (text) while (pos < search.length && !QUERY_WHITESPACE.has(search[pos]) && !isDelimiter(search[pos])) pos++;
    tokens.push({ text, data: search.slice(start, pos), offset: start, afterWhitespace });
    afterWhitespace = skipWhitespace();
  }
  return tokens;
}

/** A parsed $text query: the terms looked up in the index, and the filters applied to what they find. */
export class TextQuery {
  /** Positive terms as the index holds them (phrase words included), in the server's order. */
  readonly terms: string[];
  readonly negatedTerms: ReadonlySet<string>;
  readonly phrases: string[] = [];
  readonly negatedPhrases: string[] = [];
  private readonly positiveTerms: ReadonlySet<string>;
  private readonly tokenOptions: TokenOptions;

  constructor(
    private readonly index: TextIndex,
    private readonly params: TextParams,
    readonly language: Language,
  ) {
    let positive = '';
    let negative = '';
    let inNegation = false;
    let inPhrase = false;
    let quoteOffset = 0;
    for (const t of queryTokens(params.search)) {
      if (t.text) {
        if (inPhrase && inNegation) continue; // words of a negated phrase are not terms
        // A negation lasts until the next whitespace: "-foo-bar" negates both, "- foo" neither.
        if (inNegation && t.afterWhitespace) inNegation = false;
        if (inNegation) negative += t.data + ' ';
        else positive += t.data + ' ';
      } else if (t.data === '-') {
        if (!inPhrase && t.afterWhitespace) inNegation = true;
      } else if (inPhrase) {
        (inNegation ? this.negatedPhrases : this.phrases).push(params.search.slice(quoteOffset + 1, t.offset));
        inPhrase = false;
      } else {
        inPhrase = true;
        if (inNegation && t.afterWhitespace) inNegation = false;
        quoteOffset = t.offset;
      }
    }
    const sensitive = params.caseSensitive || params.diacriticSensitive;
    this.tokenOptions = { caseSensitive: params.caseSensitive, diacriticSensitive: params.diacriticSensitive };
    const terms = (sentence: string, options: TokenOptions) => new Set(tokenize(language, sentence, { ...options, filterStopWords: true }));
    this.terms = [...terms(positive, {})].sort(byteOrder);
    this.positiveTerms = sensitive ? terms(positive, this.tokenOptions) : new Set(this.terms);
    this.negatedTerms = terms(negative, sensitive ? this.tokenOptions : {});
  }

  /** The document's textScore, or undefined when it does not match. */
  score(doc: Document): number | undefined {
    const scores = this.index.termScores(doc);
    let total = 0;
    let found = false;
    for (const term of this.terms) {
      const s = scores.get(term);
      if (s === undefined) continue;
      total += s;
      found = true;
    }
    return found && this.matches(doc) ? total : undefined;
  }

  private matches(doc: Document): boolean {
    const sensitive = this.params.caseSensitive || this.params.diacriticSensitive;
    if (sensitive && !this.hasTerm(doc, this.positiveTerms)) return false;
    if (this.negatedTerms.size && this.hasTerm(doc, this.negatedTerms)) return false;
    return this.phrases.every((p) => this.hasPhrase(doc, p)) && !this.negatedPhrases.some((p) => this.hasPhrase(doc, p));
  }

  /** Documents are re-tokenized in their own languages, stop words included. */
  private hasTerm(doc: Document, terms: ReadonlySet<string>): boolean {
    for (const { text, language } of this.index.values(doc)) {
      if (tokenize(language, text, this.tokenOptions).some((t) => terms.has(t))) return true;
    }
    return false;
  }

  /** A phrase is a plain substring of one indexed string, compared without case and diacritics unless asked. */
  private hasPhrase(doc: Document, phrase: string): boolean {
    const norm = (s: string) => {
      const folded = this.params.caseSensitive ? s : caseFold(s);
      return this.params.diacriticSensitive ? folded : stripDiacritics(folded);
    };
    const needle = norm(phrase);
    for (const { text } of this.index.values(doc)) if (norm(text).includes(needle)) return true;
    return false;
  }
}
