import type { CommandContext } from '@app/events';
import { randomUUID } from 'node:crypto';

/**
 * The context of work no user asked for (seeds at start-up, CLI scripts): role `system`, no user,
 * a fresh correlation id that names the origin, e.g. `seed:2c1f…`, so its events are traceable.
 */
export function systemContext(origin: string): CommandContext {
  return { actor: { userId: null, cityId: null }, role: 'system', correlationId: `${origin}:${randomUUID()}`, causationId: null };
}
