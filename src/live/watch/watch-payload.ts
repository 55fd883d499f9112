import { z } from 'zod';
import type { UnwatchProjectPayload, WatchProjectPayload } from '../contracts';

const projectId = z.string().trim().min(1, 'projectId is required').max(64, 'projectId is at most 64 characters');

const watchSchema = z.strictObject({
  projectId,
  sinceSeq: z.number().int('sinceSeq must be an integer').min(0, 'sinceSeq must be >= 0').optional(),
});

const unwatchSchema = z.strictObject({ projectId });

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parse<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const detail = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`).join('; ');
  return { ok: false, error: `invalid payload: ${detail}` };
}

export const parseWatch = (body: unknown): Parsed<WatchProjectPayload> => parse(watchSchema, body);
export const parseUnwatch = (body: unknown): Parsed<UnwatchProjectPayload> => parse(unwatchSchema, body);
