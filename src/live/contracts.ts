/**
 * The live module's public surface: the Socket.IO namespace, room names and every message with its
 * payload (listed in docs/events.md), plus the command other modules use to push to a city's room.
 * Only this file may be imported from `src/live` by other modules.
 */
import { Command } from '@nestjs/cqrs';

export const LIVE_NAMESPACE = '/live';

export const cityRoom = (cityId: string) => `city:${cityId}`;
export const projectRoom = (projectId: string) => `project:${projectId}`;
export const practiceRoom = (practiceId: string) => `practice:${practiceId}`;

/** Client → server messages (each answers through the Socket.IO acknowledgement). */
export const LiveClientMessages = {
  watchProject: 'project:watch',
  unwatchProject: 'project:unwatch',
  watchPractice: 'practice:watch',
  unwatchPractice: 'practice:unwatch',
} as const;

/** Server → client messages. */
export const LiveServerMessages = {
  notification: 'notification',
  projectEvent: 'project.event',
  practiceEvent: 'practice.event',
  /** `{reason: "unauthorized"}`, just before the server disconnects a socket whose session ended or expired. */
  sessionEnded: 'session.ended',
} as const;

export type LiveServerMessage = (typeof LiveServerMessages)[keyof typeof LiveServerMessages];

export interface WatchProjectPayload {
  projectId: string;
  /** The last seq the client has seen; the ack then carries the later events of the project (paged: see WatchAck). */
  sinceSeq?: number;
}

export interface UnwatchProjectPayload {
  projectId: string;
}

/** A project's domain event as browsers get it, live or replayed. */
export interface ProjectEventMessage {
  projectId: string;
  seq: number;
  type: string;
  /** ISO 8601 */
  at: string;
  data: unknown;
}

export interface WatchPracticePayload {
  practiceId: string;
  /** The last seq the client has seen; the ack then carries the later events of the practice it may see (paged: see WatchAck). */
  sinceSeq?: number;
}

export interface UnwatchPracticePayload {
  practiceId: string;
}

/** A practice's domain event as browsers get it (comments, endorsements, edits…), live or replayed. */
export interface PracticeEventMessage {
  practiceId: string;
  seq: number;
  type: string;
  /** ISO 8601 */
  at: string;
  data: unknown;
}

/**
 * The answer to a watch. `missed` holds at most 1000 events; when more follow, `hasMore` is true and
 * `lastSeq` is the seq of the last one sent: watch again with `sinceSeq: lastSeq` for the next page.
 * Both fields are absent when `missed` is the whole rest of the history.
 */
export type WatchAck<M = ProjectEventMessage> = { ok: true; missed: M[]; hasMore?: true; lastSeq?: number } | { ok: false; error: string };
export type UnwatchAck = { ok: true } | { ok: false; error: string };

/** The inbox item pushed as `notification` (the same shape as GET /notifications items). */
export interface NotificationMessage {
  id: string;
  type: string;
  title: string;
  body: string;
  link: { kind: string; id: string };
  eventId: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * Pushes a message to every socket of a city, on whichever API instance it is connected (through
 * Redis; works from the worker process, which has no Socket.IO server). Resolves once Redis took
 * it; rejects when Redis is unreachable.
 */
export class PushToCityCommand extends Command<void> {
  constructor(
    readonly cityId: string,
    readonly message: typeof LiveServerMessages.notification,
    readonly payload: NotificationMessage,
  ) {
    super();
  }
}
