import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '@app/domain';

/**
 * Stable codes of every practice rule (→ 409) and right (→ 403). The code becomes the problem
 * `type` of the HTTP answer; clients and tests may rely on it, so never rename one.
 */
export const PracticeRule = {
  /** Endorsing, commenting on, reporting or asking for an exchange on a hidden practice. */
  Hidden: 'practice.hidden',
  CannotEndorseOwn: 'practice.cannot-endorse-own',
  AlreadyEndorsed: 'practice.already-endorsed',
  NotEndorsed: 'practice.not-endorsed',
  AlreadyReported: 'practice.already-reported',
  AlreadyHidden: 'practice.already-hidden',
  NotHidden: 'practice.not-hidden',
  CommentHidden: 'comment.hidden',
  CommentAlreadyReported: 'comment.already-reported',
  CommentAlreadyHidden: 'comment.already-hidden',
  CommentNotHidden: 'comment.not-hidden',
} as const;
export type PracticeRuleCode = (typeof PracticeRule)[keyof typeof PracticeRule];

/** `PATCH` with a `version` other than the stored one, or a lost race (→ 409). */
export const PRACTICE_STALE_VERSION = 'practice.stale-version';

export const PracticeRight = {
  /** Only the author city (or an admin) may edit a practice. */
  AuthorOnly: 'practice.author-only',
  /** A city user may act only for their own city. */
  NotYourCity: 'practice.not-your-city',
  /** Moderation is for admins. */
  AdminsOnly: 'practice.admins-only',
  /** The act needs a city: the user's own, or one an admin names. */
  CityRequired: 'practice.city-required',
} as const;
export type PracticeRightCode = (typeof PracticeRight)[keyof typeof PracticeRight];

export const practiceRule = (code: PracticeRuleCode, message: string) => new RuleViolation(code, message);
export const practiceForbidden = (code: PracticeRightCode, message: string) => new ForbiddenError(code, message);
export const practiceNotFound = (id: string) => new NotFoundError('practice', id);
export const commentNotFound = (id: string) => new NotFoundError('comment', id);
export const practiceStaleVersion = (expected: number, actual: number) =>
  new ConflictError(
    PRACTICE_STALE_VERSION,
    `The practice changed since version ${expected} was read (it is now at version ${actual}): reload it and apply the change again`,
  );
