/** Helpers to recognise MongoDB server errors without depending on the driver's classes. */
export interface DuplicateKeyInfo {
  /** Fields of the violated unique index, e.g. ['name', 'country']; empty when the server did not say. */
  fields: string[];
  /** Index name when known, e.g. `name_1_country_1`. */
  index: string | null;
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** Which unique key a duplicate-key error is about, from `keyPattern`/`keyValue` or the message. */
export function duplicateKeyInfo(error: unknown): DuplicateKeyInfo {
  const e = error as { keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown>; message?: string; errmsg?: string };
  const message = e.errmsg ?? e.message ?? '';
  const index = /index:\s+(\S+)/.exec(message)?.[1] ?? null;
  const fields = Object.keys(e.keyPattern ?? e.keyValue ?? {});
  if (fields.length === 0 && index) {
    // `name_1_country_-1` -> ['name', 'country']
    fields.push(...index.split(/_-?1(?:_|$)/).filter(Boolean));
  }
  return { fields, index };
}
