/**
 * How often one city may invite another (to any of its projects): at most `perPair` invitations
 * in any rolling `windowMs`. It bounds what one city can put in another's inbox; genuine use —
 * inviting a partner to each project of a programme, again after a decline — stays far below it.
 */
export interface InvitationRateLimit {
  perPair: number;
  windowMs: number;
}

/** 20 per pair per rolling 24 h (the reasons are in docs/decisions.md, "Projects"). */
export const INVITATION_RATE_LIMIT: InvitationRateLimit = { perPair: 20, windowMs: 24 * 3600 * 1000 };

/**
 * The pair used its quota: 429 with Retry-After over HTTP. Not a DomainError (those are 4xx of the
 * domain's rules and map to 400/403/404/409); the projects' HTTP layer answers it.
 */
export class InvitationRateLimited extends Error {
  readonly code = 'project.invitations-rate-limited';

  constructor(
    readonly inviterCityId: string,
    readonly invitedCityId: string,
    readonly retryAfterSeconds: number,
    limit: InvitationRateLimit,
  ) {
    super(
      `City ${inviterCityId} has invited city ${invitedCityId} ${limit.perPair} times in the last ${Math.round(limit.windowMs / 3600_000)} hours, ` +
        `the most allowed; it may invite it again in ${retryAfterSeconds} s`,
    );
    this.name = 'InvitationRateLimited';
  }
}

/**
 * Takes one invitation slot of the pair at `now`: the times to store (those still in the window,
 * then `now`; never more than `perPair`), or `InvitationRateLimited` with the seconds until the
 * oldest counted invitation leaves the window.
 */
export function takeInvitationSlot(
  inviterCityId: string,
  invitedCityId: string,
  sent: readonly Date[],
  now: Date,
  limit: InvitationRateLimit = INVITATION_RATE_LIMIT,
): Date[] {
  const since = now.getTime() - limit.windowMs;
  const recent = sent.filter((at) => at.getTime() > since).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length >= limit.perPair) {
    const freedAt = recent[recent.length - limit.perPair].getTime() + limit.windowMs;
    throw new InvitationRateLimited(inviterCityId, invitedCityId, Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)), limit);
  }
  return [...recent, now];
}
