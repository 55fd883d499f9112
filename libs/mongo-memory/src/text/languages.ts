import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { CommandError, Code } from '../errors';
import { STOP_WORDS } from './stop-words';

/**
 * Text-search languages. Version 3 text indexes name a language by its English name or its ISO
 * 639-1 code, in any case ('Spanish', 'es'); 'none' means no stemming and no stop words. This
 * server implements English, Spanish and French (Snowball stemmers, the algorithms MongoDB runs
 * through libstemmer, and MongoDB's stop-word lists).
 */
export interface Language {
  /** The canonical name: 'english', 'spanish', 'french' or 'none'. */
  readonly name: string;
  readonly stopWords: ReadonlySet<string>;
  /** English keeps the ASCII apostrophe inside words; every other language splits on it. */
  readonly english: boolean;
  stem(word: string): string;
}

function snowball(name: 'english' | 'spanish' | 'french'): Language {
  let stemmer: Stemmer | undefined;
  const cache = new Map<string, string>();
  return {
    name,
    stopWords: STOP_WORDS[name],
    english: name === 'english',
    stem(word) {
      let stem = cache.get(word);
      if (stem === undefined) {
        stemmer ??= newStemmer(name);
        stem = stemmer.stem(word);
        if (cache.size > 50_000) cache.clear();
        cache.set(word, stem);
      }
      return stem;
    },
  };
}

const NONE: Language = { name: 'none', stopWords: new Set(), english: false, stem: (word) => word };
const ENGLISH = snowball('english');
const SPANISH = snowball('spanish');
const FRENCH = snowball('french');

const SUPPORTED = new Map<string, Language>([
  ['none', NONE],
  ['english', ENGLISH],
  ['en', ENGLISH],
  ['spanish', SPANISH],
  ['es', SPANISH],
  ['french', FRENCH],
  ['fr', FRENCH],
]);

/** The languages a MongoDB server accepts that this one does not implement (name and code). */
const SERVER_ONLY = new Map(
  Object.entries({
    danish: 'da',
    dutch: 'nl',
    finnish: 'fi',
    german: 'de',
    hungarian: 'hu',
    italian: 'it',
    norwegian: 'nb',
    portuguese: 'pt',
    romanian: 'ro',
    russian: 'ru',
    swedish: 'sv',
    turkish: 'tr',
  }).flatMap(([name, code]) => [
    [name, name],
    [code, name],
  ]),
);

/** ASCII-only lower-casing: how the server compares language names. */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The language a name denotes, or undefined when MongoDB itself does not know it (the caller
 * answers with the server's error for its context). A language MongoDB knows but this server
 * does not implement answers 238 NotImplemented rather than indexing it wrongly.
 */
export function findLanguage(name: string): Language | undefined {
  const key = asciiLower(name);
  const language = SUPPORTED.get(key);
  if (language) return language;
  const other = SERVER_ONLY.get(key);
  if (other) {
    throw new CommandError(
      Code.NotImplemented,
      `text search language "${name}" (${other}) is not supported by mongo-memory, which implements english, spanish, french and none`,
    );
  }
  return undefined;
}

export const DEFAULT_LANGUAGE = ENGLISH;
