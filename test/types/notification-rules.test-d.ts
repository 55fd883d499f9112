/**
 * The notification rules are tied to the producer's schemas (checked by `npm run typecheck`): a
 * rule takes the project event of its type, whose payload is the output of that event's zod
 * schema, so renaming a payload field in src/projects/domain/events.ts breaks the type-check of
 * src/notifications/domain. test/types/rename-breaks-notifications.spec.ts does that rename and
 * runs tsc to prove it end to end.
 */
import type { PayloadOf } from '@app/events';
import { namedCities, renderNotification } from '../../src/notifications/domain/notification-text';
import { NOTIFIED_TYPES } from '../../src/notifications/domain/notification-types';
import { RECIPIENT_RULES, recipientsOf, type EventOf, type NotifiedType, type RecipientRules } from '../../src/notifications/domain/recipients';
import { ExchangeRequested, type PracticeEvent } from '../../src/practices/contracts';
import { PartnerInvited, type ProjectEvent, type ProjectEventMap } from '../../src/projects/contracts';
import { expectType, type Equal } from './expect-type';

// PartnerInvited's payload is its schema's output: a renamed field in the schema changes this type.
expectType<
  Equal<
    PayloadOf<typeof PartnerInvited>,
    { projectId: string; title: string; leadCityId: string; acceptedPartnerIds: string[]; cityId: string; message: string | null }
  >
>(true);
expectType<Equal<ProjectEventMap['PartnerInvited'], PayloadOf<typeof PartnerInvited>>>(true);

// Its rule takes the producer's own event instance, not a local copy of the payload.
type RuleInput<K extends NotifiedType> = Parameters<(typeof RECIPIENT_RULES)[K]['recipients']>[0];
expectType<Equal<RuleInput<'PartnerInvited'>, InstanceType<typeof PartnerInvited>>>(true);
expectType<Equal<RuleInput<'PartnerInvited'>['data'], PayloadOf<typeof PartnerInvited>>>(true);
expectType<Equal<EventOf<'PartnerInvited'>, InstanceType<typeof PartnerInvited>>>(true);

// The notifications functions take the producers' unions, nothing wider or hand-written.
expectType<Equal<Parameters<typeof recipientsOf>[0], ProjectEvent | PracticeEvent>>(true);
expectType<Equal<Parameters<typeof renderNotification>[0], ProjectEvent | PracticeEvent>>(true);
expectType<Equal<Parameters<typeof namedCities>[0], ProjectEvent | PracticeEvent>>(true);
// A practice rule takes the practices module's event instance too.
type PracticeRuleInput = Parameters<(typeof RECIPIENT_RULES)['ExchangeRequested']['recipients']>[0];
expectType<Equal<PracticeRuleInput, InstanceType<typeof ExchangeRequested>>>(true);

// What a city may mute is the set of types with a rule, each a type projects publishes.
expectType<Equal<(typeof NOTIFIED_TYPES)[number], keyof typeof RECIPIENT_RULES>>(true);
expectType<Equal<NotifiedType extends ProjectEvent['type'] | PracticeEvent['type'] ? true : false, true>>(true);

// An event whose payload renamed `cityId` is refused by the rule and by recipientsOf.
type Renamed = Omit<InstanceType<typeof PartnerInvited>, 'data'> & {
  data: Omit<PayloadOf<typeof PartnerInvited>, 'cityId'> & { invitedCityId: string };
};
declare const renamed: Renamed;
// @ts-expect-error the rule reads `cityId`, which the renamed payload lacks
RECIPIENT_RULES.PartnerInvited.recipients(renamed);
// @ts-expect-error nor is it a ProjectEvent (or PracticeEvent) any more
recipientsOf(renamed);

// A rule for a type no producer publishes, or reading a field its event lacks, does not compile.
export const unknownType: RecipientRules = {
  // @ts-expect-error there is no project event PartnerInvitd
  PartnerInvitd: { notifies: 'nobody', recipients: () => ({ kind: 'cities', cityIds: [] }) },
};
export const missingField: RecipientRules = {
  ProjectStarted: {
    notifies: 'nobody',
    // @ts-expect-error ProjectStarted has no cityId
    recipients: ({ data }) => ({ kind: 'cities', cityIds: [data.cityId] }),
  },
};
