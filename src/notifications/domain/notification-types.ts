import { RECIPIENT_RULES, type NotifiedType } from './recipients';

export type { NotifiedType };

/**
 * The event types that notify a city, derived from the recipient rules: what a city may mute. A type
 * joins the list when its rule does (practice and exchange types once their modules publish them).
 */
export const NOTIFIED_TYPES = Object.keys(RECIPIENT_RULES) as NotifiedType[];

export {
  EMAIL_CADENCES as EMAIL_FREQUENCIES,
  DEFAULT_EMAIL_CADENCE as DEFAULT_EMAIL_FREQUENCY,
  type EmailCadence as EmailFrequency,
} from '../../shared/email-cadence';

export function isNotifiedType(type: string): type is NotifiedType {
  return (NOTIFIED_TYPES as readonly string[]).includes(type);
}
