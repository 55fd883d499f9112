import { DEFAULT_EMAIL_FREQUENCY, type EmailFrequency } from './domain/notification-types';
import type { NotificationPreferencesDocument } from './persistence/notification-preferences.schema';

export interface PreferencesView {
  email: EmailFrequency;
  mutedTypes: string[];
  /** null until the city first saves its preferences (version 0: the defaults). */
  createdAt: string | null;
  updatedAt: string | null;
  version: number;
}

export function toPreferencesView(doc: NotificationPreferencesDocument | null): PreferencesView {
  if (!doc) return { email: DEFAULT_EMAIL_FREQUENCY, mutedTypes: [], createdAt: null, updatedAt: null, version: 0 };
  return {
    email: doc.email,
    mutedTypes: [...doc.mutedTypes],
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    version: doc.version,
  };
}
