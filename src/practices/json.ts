/** A value as JSON carries it: dates become ISO 8601 strings. View classes `implements Json<Snapshot>`. */
export type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends (infer U)[] ? Json<U>[] : T[K];
};

export const iso = (date: Date) => new Date(date).toISOString();
export const isoOrNull = (date: Date | null) => (date === null ? null : iso(date));
