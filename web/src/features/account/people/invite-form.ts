import type { Language } from '../../../i18n/languages';
import type { InviteBody } from './users-api';

export interface InviteValues {
  email: string;
  name: string;
  role: 'city' | 'admin';
  cityId: string;
  language: Language;
}
/** Form order, named as InviteUserDto names them (the API's errors land beside their input). */
export const INVITE_FIELDS = ['email', 'name', 'role', 'cityId', 'language'] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];

export const emptyInvite = (language: Language): InviteValues => ({ email: '', name: '', role: 'city', cityId: '', language });

/** Empty required fields; an admin inviting a city user must choose its city (a city user invites to its own). */
export function missingInviteFields(v: InviteValues, choosesCity: boolean): InviteField[] {
  const missing: InviteField[] = [];
  if (!v.email.trim()) missing.push('email');
  if (!v.name.trim()) missing.push('name');
  if (choosesCity && v.role === 'city' && !v.cityId) missing.push('cityId');
  return missing;
}

/** A city user's invitation names no city (the API uses its own); an admin's invitation of an admin names none either. */
export function inviteBodyOf(v: InviteValues, choosesCity: boolean): InviteBody {
  return {
    email: v.email.trim(),
    name: v.name.trim(),
    role: choosesCity ? v.role : 'city',
    language: v.language,
    ...(choosesCity && v.role === 'city' && { cityId: v.cityId }),
  };
}
