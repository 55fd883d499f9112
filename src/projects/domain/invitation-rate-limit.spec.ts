import { InvitationRateLimited, takeInvitationSlot, type InvitationRateLimit } from './invitation-rate-limit';

describe('takeInvitationSlot', () => {
  const limit: InvitationRateLimit = { perPair: 3, windowMs: 60_000 };
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

  it('adds the invitation while the pair is under its quota, dropping times that left the window', () => {
    expect(takeInvitationSlot('sevilla', 'lliria', [], at(0), limit)).toEqual([at(0)]);
    const old = new Date(at(0).getTime() - 61_000);
    expect(takeInvitationSlot('sevilla', 'lliria', [at(10), old, at(5)], at(20), limit)).toEqual([at(5), at(10), at(20)]);
  });

  it('refuses the invitation over the quota, saying when the oldest counted one leaves the window', () => {
    let thrown: unknown;
    try {
      takeInvitationSlot('sevilla', 'lliria', [at(0), at(10), at(20)], at(30), limit);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvitationRateLimited);
    expect(thrown).toMatchObject({
      inviterCityId: 'sevilla',
      invitedCityId: 'lliria',
      retryAfterSeconds: 30,
      code: 'project.invitations-rate-limited',
    });
  });

  it('counts a rolling window: one slot frees exactly when the oldest invitation is a window old', () => {
    const full = [at(0), at(10), at(20)];
    expect(() => takeInvitationSlot('sevilla', 'lliria', full, at(59), limit)).toThrow(InvitationRateLimited);
    expect(takeInvitationSlot('sevilla', 'lliria', full, at(60), limit)).toEqual([at(10), at(20), at(60)]);
  });

  it('never answers a Retry-After below one second', () => {
    const full = [new Date(at(0).getTime() - 59_999), at(0), at(0)];
    expect(() => takeInvitationSlot('sevilla', 'lliria', full, at(0), limit)).toThrow(expect.objectContaining({ retryAfterSeconds: 1 }));
  });
});
