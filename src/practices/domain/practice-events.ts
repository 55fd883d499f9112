import { defineEvent, type EventMapOf, type EventUnion } from '@app/events';
import { z } from 'zod';
import { actionArea, changesOf, creativeField as field, described, eventId as id, eventText as text, sdg } from '../../shared/event-schema';
import { PRACTICE_LANGUAGES } from './practice-state';

/**
 * The events of the practice aggregate (SPEC §4), each defined once: `defineEvent(type,
 * aggregate, schema)`; payload types, classes and lists are derived from the schemas, and their
 * descriptions document them. A payload carries what notification, live and read-model consumers
 * need without reading the practices collections: the practice's id, current title, author city
 * and creative field (PracticeShared notifies the cities of that field), plus what the event is
 * about. Absent optional values are `null`, never missing. Objects are strict: a key the schema
 * does not declare is a bug in the producer, and the event store refuses it.
 */

/** The `aggregateType` of every practice event (comments and moderation included). */
export const PRACTICE_AGGREGATE = 'practice';

// Titles name their types in docs/events.md.
const count = z.number().int().min(0);
const sdgs = z.array(sdg);
const language = z.enum(PRACTICE_LANGUAGES).meta({ title: 'PracticeLanguage' });
const link = z.strictObject({ title: text, url: text.describe('an absolute http(s) URL') });

const base = {
  practiceId: id,
  title: text.describe('the current title'),
  authorCityId: id.describe('the city that shared the practice'),
  field,
};
const commentBase = {
  ...base,
  commentId: id,
  commentAuthorCityId: id.nullable().describe('the city that wrote the comment; null for an admin without a city'),
};

/** The editable content of a practice, as shared and as changed. */
const content = {
  summary: text,
  body: text,
  field,
  actionArea: actionArea.nullable(),
  sdgs,
  tags: z.array(text).describe('lower case keywords'),
  language,
  outcomes: text.nullable(),
  links: z.array(link),
};
const changes = changesOf({ title: text, ...content });

export const PracticeShared = defineEvent(
  'PracticeShared',
  PRACTICE_AGGREGATE,
  described(
    'A city shared a practice (notified to the cities of its creative field).',
    z.strictObject({ ...base, summary: text, actionArea: actionArea.nullable(), sdgs, tags: content.tags, language }),
  ),
);
export const PracticeUpdated = defineEvent(
  'PracticeUpdated',
  PRACTICE_AGGREGATE,
  described('The author city (or an admin) edited the practice.', z.strictObject({ ...base, changes })),
);
export const PracticeEndorsed = defineEvent(
  'PracticeEndorsed',
  PRACTICE_AGGREGATE,
  described(
    'A city endorsed the practice (notified to the author city).',
    z.strictObject({ ...base, cityId: id.describe('the endorsing city'), endorsementCount: count.describe('after the change') }),
  ),
);
export const PracticeEndorsementWithdrawn = defineEvent(
  'PracticeEndorsementWithdrawn',
  PRACTICE_AGGREGATE,
  described(
    'A city withdrew its endorsement.',
    z.strictObject({ ...base, cityId: id.describe('the city withdrawing'), endorsementCount: count.describe('after the change') }),
  ),
);
export const PracticeCommented = defineEvent(
  'PracticeCommented',
  PRACTICE_AGGREGATE,
  described(
    'Someone commented on the practice (notified to the author city).',
    z.strictObject({ ...commentBase, text, commentCount: count.describe('published comments after the change') }),
  ),
);
export const PracticeReported = defineEvent(
  'PracticeReported',
  PRACTICE_AGGREGATE,
  described('A user (the actor) reported the practice to the moderators.', z.strictObject({ ...base, reportId: id, reason: text })),
);
export const PracticeHidden = defineEvent(
  'PracticeHidden',
  PRACTICE_AGGREGATE,
  described('An admin hid the practice (notified to the author city, with the reason).', z.strictObject({ ...base, reason: text })),
);
export const PracticeUnhidden = defineEvent(
  'PracticeUnhidden',
  PRACTICE_AGGREGATE,
  described('An admin published the practice again.', z.strictObject(base)),
);
export const CommentReported = defineEvent(
  'CommentReported',
  PRACTICE_AGGREGATE,
  described('A user (the actor) reported a comment to the moderators.', z.strictObject({ ...commentBase, reportId: id, reason: text })),
);
export const CommentHidden = defineEvent(
  'CommentHidden',
  PRACTICE_AGGREGATE,
  described(
    'An admin hid a comment (notified to the comment’s author city, with the reason).',
    z.strictObject({ ...commentBase, reason: text, commentCount: count.describe('published comments after the change') }),
  ),
);
export const CommentUnhidden = defineEvent(
  'CommentUnhidden',
  PRACTICE_AGGREGATE,
  described(
    'An admin published a comment again.',
    z.strictObject({ ...commentBase, commentCount: count.describe('published comments after the change') }),
  ),
);

/** The events of the practice aggregate, in the order of its life. */
export const PRACTICE_AGGREGATE_EVENTS = [
  PracticeShared,
  PracticeUpdated,
  PracticeEndorsed,
  PracticeEndorsementWithdrawn,
  PracticeCommented,
  PracticeReported,
  PracticeHidden,
  PracticeUnhidden,
  CommentReported,
  CommentHidden,
  CommentUnhidden,
] as const;

/** Event type → payload: the `E` of `AggregateRoot<E>` for `Practice`. */
export type PracticeEventMap = EventMapOf<typeof PRACTICE_AGGREGATE_EVENTS>;
/** The union of the practice aggregate's events, narrowed by `event.type`. */
export type PracticeAggregateEvent = EventUnion<typeof PRACTICE_AGGREGATE_EVENTS>;
/** The `changes` of `PracticeUpdated`. */
export type PracticeChanges = z.output<typeof changes>;
