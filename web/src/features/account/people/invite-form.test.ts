import { describe, expect, it } from 'vitest';
import { emptyInvite, inviteBodyOf, missingInviteFields } from './invite-form';

describe('invite form', () => {
  it('an admin inviting a city user must choose the city', () => {
    expect(missingInviteFields(emptyInvite('en'), true)).toEqual(['email', 'name', 'cityId']);
    expect(missingInviteFields({ ...emptyInvite('en'), role: 'admin' }, true)).toEqual(['email', 'name']);
  });
  it('a city user invites to its own city: no city asked, none sent, always role city', () => {
    const v = { ...emptyInvite('es'), email: ' ana@city.test ', name: ' Ana ', role: 'admin' as const, cityId: 'x' };
    expect(missingInviteFields(v, false)).toEqual([]);
    expect(inviteBodyOf(v, false)).toEqual({ email: 'ana@city.test', name: 'Ana', role: 'city', language: 'es' });
  });
  it('sends the chosen city for a city user, none for an admin', () => {
    const v = { ...emptyInvite('fr'), email: 'a@b.test', name: 'A', cityId: 'c1' };
    expect(inviteBodyOf(v, true)).toEqual({ email: 'a@b.test', name: 'A', role: 'city', language: 'fr', cityId: 'c1' });
    expect(inviteBodyOf({ ...v, role: 'admin' }, true)).toEqual({ email: 'a@b.test', name: 'A', role: 'admin', language: 'fr' });
  });
});
