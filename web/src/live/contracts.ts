import type { components } from '../api/schema';

/**
 * The live (Socket.IO /live) messages the client uses, as docs/events.md lists them. The server's
 * src/live/contracts.ts is the source; these mirror it because the OpenAPI document has no sockets.
 */
export type NotificationMessage = components['schemas']['NotificationView'];

export type WatchKind = 'project' | 'practice';

export interface WatchedEvent {
  seq: number;
  type: string;
  /** ISO 8601 */
  at: string;
  data: unknown;
  projectId?: string;
  practiceId?: string;
}

export type WatchAck = { ok: true; missed: WatchedEvent[]; hasMore?: true; lastSeq?: number } | { ok: false; error: string };

export const watchMessages = (kind: WatchKind) => ({
  watch: `${kind}:watch`,
  unwatch: `${kind}:unwatch`,
  event: `${kind}.event`,
  key: kind === 'project' ? ('projectId' as const) : ('practiceId' as const),
});
