/**
 * How often a user is told by e-mail (SPEC §3 Notifications): each user's own choice, used by the
 * auth module (where it is stored), notifications (the preferences route) and mail (the sender).
 */
export const EMAIL_CADENCES = ['off', 'instant', 'daily', 'weekly'] as const;
export type EmailCadence = (typeof EMAIL_CADENCES)[number];
/** A user who never chose is told at once: partnership requests wait for an answer. */
export const DEFAULT_EMAIL_CADENCE: EmailCadence = 'instant';
