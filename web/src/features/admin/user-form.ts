import type { components } from '../../api/schema';

type CreateUserBody = components['schemas']['CreateUserDto'];

export interface UserFormValues {
  email: string;
  name: string;
  password: string;
  role: 'city' | 'admin';
  cityId: string;
}

/** Form order, named as CreateUserDto names them (so the API's errors land beside their input). */
export const USER_FIELDS = ['email', 'name', 'password', 'role', 'cityId'] as const;
export type UserField = (typeof USER_FIELDS)[number];

export const emptyUserValues = (): UserFormValues => ({ email: '', name: '', password: '', role: 'city', cityId: '' });

/** Empty required fields (a city user needs its city); the API judges the rest (e-mail form, password strength). */
export function missingUserFields(v: UserFormValues): UserField[] {
  const missing: UserField[] = [];
  if (!v.email.trim()) missing.push('email');
  if (!v.name.trim()) missing.push('name');
  if (!v.password) missing.push('password');
  if (v.role === 'city' && !v.cityId) missing.push('cityId');
  return missing;
}

/** An admin belongs to no city: its cityId is never sent (the API refuses one). */
export const createUserBodyOf = (v: UserFormValues): CreateUserBody => ({
  email: v.email.trim(),
  name: v.name.trim(),
  password: v.password,
  role: v.role,
  ...(v.role === 'city' && { cityId: v.cityId }),
});
