import { ApiProperty } from '@nestjs/swagger';
import { DEFAULT_EMAIL_FREQUENCY, EMAIL_FREQUENCIES, NOTIFIED_TYPES, type EmailFrequency } from './domain/notification-types';
import type { NotificationPreferencesDocument } from './persistence/notification-preferences.schema';

/** How a city wants to be told: e-mail frequency and the event types that make no inbox item. */
export class PreferencesView {
  @ApiProperty({ enum: EMAIL_FREQUENCIES, description: 'How the city is told by e-mail.' }) email!: EmailFrequency;
  @ApiProperty({ type: [String], enum: NOTIFIED_TYPES, description: 'Event types that make no inbox item for the city.' })
  mutedTypes!: string[];
  /** null until the city first saves its preferences (version 0: the defaults). */
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the city first saves its preferences' }) createdAt!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the city first saves its preferences' }) updatedAt!:
    string | null;
  @ApiProperty({ minimum: 0, description: '0 for the defaults; send it back with PUT' }) version!: number;
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
