import { z } from 'zod';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, SECTOR_IDS, isSdg, type Sdg } from '../../shared/reference-data';
import type { ProjectEventMap } from './events';
import { UPDATE_KINDS } from './project-state';

/**
 * Runtime schemas of the project event payloads of `./events.ts`, one per event type, for
 * `defineEvent(type, PROJECT_AGGREGATE, projectEventSchemas[type])`: a payload is checked before
 * it is stored, so a malformed event never enters the log. Objects are strict: a key the type does
 * not declare is a bug in the producer, not data to keep.
 */

const id = z.string().min(1);
const text = z.string().trim().min(1);
const calendarDate = z.iso.date();
const sdg = z.custom<Sdg>((value) => isSdg(value), { message: 'an SDG, an integer from 1 to 17' });

const base = {
  projectId: id,
  title: text,
  leadCityId: id,
  acceptedPartnerIds: z.array(id),
};
const partnerBase = { ...base, cityId: id };

const fields = z.array(z.enum(CREATIVE_FIELD_IDS)).min(1);
const actionAreas = z.array(z.enum(ACTION_AREA_IDS)).min(1);
const sectors = z.array(z.enum(SECTOR_IDS)).min(1);
const sdgs = z.array(sdg).min(1);

const changes = z.strictObject({
  title: text.optional(),
  summary: text.optional(),
  description: text.nullable().optional(),
  fields: fields.optional(),
  actionAreas: actionAreas.optional(),
  sectors: sectors.optional(),
  sdgs: sdgs.optional(),
  startDate: calendarDate.nullable().optional(),
  endDate: calendarDate.nullable().optional(),
});

export const projectEventSchemas = {
  ProjectProposed: z.strictObject({
    ...base,
    summary: text,
    description: text.nullable(),
    fields,
    actionAreas,
    sectors,
    sdgs,
    startDate: calendarDate.nullable(),
    endDate: calendarDate.nullable(),
  }),
  ProjectUpdated: z.strictObject({ ...base, changes }),
  PartnerInvited: z.strictObject({ ...partnerBase, message: text.nullable() }),
  InvitationAccepted: z.strictObject(partnerBase),
  InvitationDeclined: z.strictObject(partnerBase),
  JoinRequested: z.strictObject({ ...partnerBase, message: text.nullable() }),
  JoinRequestApproved: z.strictObject(partnerBase),
  JoinRequestRejected: z.strictObject(partnerBase),
  PartnerWithdrew: z.strictObject(partnerBase),
  ProjectUpdatePosted: z.strictObject({ ...base, updateId: id, text, kind: z.enum(UPDATE_KINDS), authorCityId: id }),
  ProjectStarted: z.strictObject(base),
  ProjectCompleted: z.strictObject({ ...base, outcome: text }),
  ProjectCancelled: z.strictObject({ ...base, reason: text, previousStatus: z.enum(['proposed', 'active']) }),
} satisfies { [K in keyof ProjectEventMap]: z.ZodType<ProjectEventMap[K]> };
