import { RECIPIENT_RULES, type NotifiedType } from './recipients';

export type { NotifiedType };

/**
 * The event types that notify a city, derived from the recipient rules: what a city may mute. A type
 * joins the list when its rule does (practice and exchange types once their modules publish them).
 */
export const NOTIFIED_TYPES = Object.keys(RECIPIENT_RULES) as NotifiedType[];

export const EMAIL_FREQUENCIES = ['off', 'instant', 'daily', 'weekly'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
/** A city that never chose is told by e-mail at once: partnership requests wait for an answer. */
export const DEFAULT_EMAIL_FREQUENCY: EmailFrequency = 'instant';

export function isNotifiedType(type: string): type is NotifiedType {
  return (NOTIFIED_TYPES as readonly string[]).includes(type);
}
