import { describe, expect, it } from 'vitest';
import { createUserBodyOf, emptyUserValues, missingUserFields } from './user-form';

describe('the new user form', () => {
  it('a city user needs a city; an admin does not', () => {
    expect(missingUserFields(emptyUserValues())).toEqual(['email', 'name', 'password', 'cityId']);
    expect(missingUserFields({ ...emptyUserValues(), role: 'admin' })).toEqual(['email', 'name', 'password']);
  });

  it('never sends a city for an admin', () => {
    const v = { email: ' ana@lliria.es ', name: 'Ana', password: 'long-password-1', role: 'admin' as const, cityId: 'c1' };
    expect(createUserBodyOf(v)).toEqual({ email: 'ana@lliria.es', name: 'Ana', password: 'long-password-1', role: 'admin' });
    expect(createUserBodyOf({ ...v, role: 'city' })).toMatchObject({ role: 'city', cityId: 'c1' });
  });
});
