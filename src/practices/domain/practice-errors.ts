import { aggregateErrors, NotFoundError, staleVersionCode, type CodeOf } from '@app/domain';

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
export type PracticeRuleCode = CodeOf<typeof PracticeRule>;

/** `PATCH` with a `version` other than the stored one, or a lost race (→ 409). */
export const PRACTICE_STALE_VERSION = staleVersionCode('practice');

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
export type PracticeRightCode = CodeOf<typeof PracticeRight>;

export const {
  rule: practiceRule,
  forbidden: practiceForbidden,
  notFound: practiceNotFound,
  staleVersion: practiceStaleVersion,
} = aggregateErrors<PracticeRuleCode, PracticeRightCode>('practice');
export const commentNotFound = (id: string) => new NotFoundError('comment', id);
