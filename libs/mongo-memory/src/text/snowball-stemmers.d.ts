/** The `snowball-stemmers` package (JavaScript ports of the Snowball stemmers) ships no types. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  /** A stemmer for a Snowball algorithm name ('english', 'spanish', 'french', ...). */
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}
