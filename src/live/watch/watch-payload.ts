import { z } from 'zod';

export type WatchKey = 'projectId' | 'practiceId';

const id = (key: WatchKey) => z.string().trim().min(1, `${key} is required`).max(64, `${key} is at most 64 characters`);
const sinceSeq = z.number().int('sinceSeq must be an integer').min(0, 'sinceSeq must be >= 0').optional();

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parse<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const detail = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`).join('; ');
  return { ok: false, error: `invalid payload: ${detail}` };
}

/** `{<key>, sinceSeq?}` of `project:watch` / `practice:watch`, as `{id, sinceSeq}`. */
export function parseWatch(key: WatchKey, body: unknown): Parsed<{ id: string; sinceSeq?: number }> {
  const parsed = parse(z.strictObject({ [key]: id(key), sinceSeq }), body);
  return parsed.ok ? { ok: true, value: { id: parsed.value[key] as string, sinceSeq: parsed.value.sinceSeq as number | undefined } } : parsed;
}

/** `{<key>}` of `project:unwatch` / `practice:unwatch`, as `{id}`. */
export function parseUnwatch(key: WatchKey, body: unknown): Parsed<{ id: string }> {
  const parsed = parse(z.strictObject({ [key]: id(key) }), body);
  return parsed.ok ? { ok: true, value: { id: parsed.value[key] as string } } : parsed;
}
