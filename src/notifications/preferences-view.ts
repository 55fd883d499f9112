import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_FREQUENCIES, NOTIFIED_TYPES, type EmailFrequency } from './domain/notification-types';
import type { NotificationPreferencesDocument } from './persistence/notification-preferences.schema';

/**
 * What the signed-in user is told and how (SPEC §3): its own e-mail cadence, and the event types its
 * city muted (which decide what reaches the city's inbox). The timestamps and `version` are those of
 * the city's document.
 */
export class PreferencesView {
  @ApiProperty({ enum: EMAIL_FREQUENCIES, description: "The signed-in user's own e-mail cadence." }) email!: EmailFrequency;
  @ApiProperty({ type: [String], enum: NOTIFIED_TYPES, description: "Event types that make no inbox item for the user's city (the city's choice)." })
  mutedTypes!: string[];
  /** null until the city first saves its preferences (version 0: the defaults). */
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the city first saves its preferences' }) createdAt!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the city first saves its preferences' }) updatedAt!:
    string | null;
  @ApiProperty({ minimum: 0, description: "The city's document: 0 for the defaults; send it back with PUT" }) version!: number;
}

export function toPreferencesView(doc: NotificationPreferencesDocument | null, email: EmailFrequency): PreferencesView {
  if (!doc) return { email, mutedTypes: [], createdAt: null, updatedAt: null, version: 0 };
  return {
    email,
    mutedTypes: [...doc.mutedTypes],
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    version: doc.version,
  };
}
