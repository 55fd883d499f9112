import { defineEvent, type EventMapOf, type EventUnion } from '@app/events';
import { z } from 'zod';
import { actionArea, changesOf, creativeField, described, eventId as id, eventText as text, sdg, sector } from '../../shared/event-schema';
import { UPDATE_KINDS } from './project-state';

/**
 * The project events (SPEC §4), each defined once: `defineEvent(type, aggregate, schema)`. The
 * payload types, the classes, `PROJECT_EVENTS`, the type list, the event map of the aggregate and
 * the `ProjectEvent` union consumers narrow are all derived from these schemas, and
 * `npm run docs:events` writes docs/events.md from them (descriptions included).
 *
 * Each payload carries what notification and read-model consumers need without reading the
 * projects collection: the project's id, current title and lead, and the accepted partners *after*
 * the change. Absent optional values are `null`, never missing, so a payload looks the same after a
 * round trip through MongoDB, Redis and JSON. Objects are strict: a key the schema does not declare
 * is a bug in the producer, and the event store refuses it.
 */

/** The `aggregateType` of every project event. */
export const PROJECT_AGGREGATE = 'project';

// Titles name their types in docs/events.md.
const calendarDate = z.iso.date();
const fields = z.array(creativeField).min(1);
const actionAreas = z.array(actionArea).min(1);
const sectors = z.array(sector).min(1);
const sdgs = z.array(sdg).min(1);

const base = {
  projectId: id,
  title: text.describe('the current title'),
  leadCityId: id,
  acceptedPartnerIds: z.array(id).describe('accepted partners after the change, lead excluded, in the order they joined'),
};
const partnerBase = { ...base, cityId: id.describe('the partner city the event is about') };

/** The editable content of a project, as proposed and as changed. */
const content = {
  summary: text,
  description: text.nullable(),
  fields,
  actionAreas,
  sectors,
  sdgs,
  startDate: calendarDate.nullable(),
  endDate: calendarDate.nullable(),
};
const changes = changesOf({ title: text, ...content });

export const ProjectProposed = defineEvent(
  'ProjectProposed',
  PROJECT_AGGREGATE,
  described('A city proposed a project, which it leads.', z.strictObject({ ...base, ...content })),
);
export const ProjectUpdated = defineEvent(
  'ProjectUpdated',
  PROJECT_AGGREGATE,
  described('The lead edited the project.', z.strictObject({ ...base, changes })),
);
export const PartnerInvited = defineEvent(
  'PartnerInvited',
  PROJECT_AGGREGATE,
  described('The lead invited a city.', z.strictObject({ ...partnerBase, message: text.nullable() })),
);
export const InvitationAccepted = defineEvent(
  'InvitationAccepted',
  PROJECT_AGGREGATE,
  described('The invited city accepted.', z.strictObject(partnerBase)),
);
export const InvitationDeclined = defineEvent(
  'InvitationDeclined',
  PROJECT_AGGREGATE,
  described('The invited city declined.', z.strictObject(partnerBase)),
);
export const JoinRequested = defineEvent(
  'JoinRequested',
  PROJECT_AGGREGATE,
  described('A city asked to join.', z.strictObject({ ...partnerBase, message: text.nullable() })),
);
export const JoinRequestApproved = defineEvent(
  'JoinRequestApproved',
  PROJECT_AGGREGATE,
  described('The lead approved a join request.', z.strictObject(partnerBase)),
);
export const JoinRequestRejected = defineEvent(
  'JoinRequestRejected',
  PROJECT_AGGREGATE,
  described('The lead rejected a join request.', z.strictObject(partnerBase)),
);
export const PartnerWithdrew = defineEvent('PartnerWithdrew', PROJECT_AGGREGATE, described('An accepted partner left.', z.strictObject(partnerBase)));
export const ProjectUpdatePosted = defineEvent(
  'ProjectUpdatePosted',
  PROJECT_AGGREGATE,
  described(
    'The lead or an accepted partner posted news or a milestone.',
    z.strictObject({ ...base, updateId: id, text, kind: z.enum(UPDATE_KINDS), authorCityId: id.describe('the city that posted it') }),
  ),
);
export const ProjectStarted = defineEvent('ProjectStarted', PROJECT_AGGREGATE, described('The project became active.', z.strictObject(base)));
export const ProjectCompleted = defineEvent(
  'ProjectCompleted',
  PROJECT_AGGREGATE,
  described('The lead completed the project.', z.strictObject({ ...base, outcome: text })),
);
export const ProjectCancelled = defineEvent(
  'ProjectCancelled',
  PROJECT_AGGREGATE,
  described('The lead cancelled the project.', z.strictObject({ ...base, reason: text, previousStatus: z.enum(['proposed', 'active']) })),
);

/** Every project event class, for `EventsModule.forFeature` and subscriptions. */
export const PROJECT_EVENTS = [
  ProjectProposed,
  ProjectUpdated,
  PartnerInvited,
  InvitationAccepted,
  InvitationDeclined,
  JoinRequested,
  JoinRequestApproved,
  JoinRequestRejected,
  PartnerWithdrew,
  ProjectUpdatePosted,
  ProjectStarted,
  ProjectCompleted,
  ProjectCancelled,
] as const;

/** The union of the project events, narrowed by `event.type`: what consumers of project events take. */
export type ProjectEvent = EventUnion<typeof PROJECT_EVENTS>;
/** Event type → payload: the `E` of `AggregateRoot<E>`. */
export type ProjectEventMap = EventMapOf<typeof PROJECT_EVENTS>;
export type ProjectEventType = ProjectEvent['type'];
export const PROJECT_EVENT_TYPES: readonly ProjectEventType[] = PROJECT_EVENTS.map((e) => e.type);

/** What every project payload starts with, and what partner events add to it. */
export type ProjectEventBase = z.output<z.ZodObject<typeof base>>;
export type PartnerEventBase = z.output<z.ZodObject<typeof partnerBase>>;
/** The `changes` of `ProjectUpdated`. */
export type ProjectChanges = z.output<typeof changes>;
