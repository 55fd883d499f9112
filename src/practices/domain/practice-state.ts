import type { ActionArea, CreativeField, Sdg } from '../../shared/reference-data';

/**
 * The vocabulary of a practice's state (SPEC §3 "Best practices and exchanges"), shared by the
 * aggregate, its events and whoever stores or shows it. Plain data only.
 */

/** The languages a practice is written in; its text is stemmed in that language when searched. */
export const PRACTICE_LANGUAGES = ['en', 'es', 'fr'] as const;
export type PracticeLanguage = (typeof PRACTICE_LANGUAGES)[number];

/** `published` for everyone; `hidden` (by a moderator) only for admins and the author city. */
export const PRACTICE_STATUSES = ['published', 'hidden'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** Comments are moderated the same way as practices. */
export const COMMENT_STATUSES = PRACTICE_STATUSES;
export type CommentStatus = PracticeStatus;

export interface PracticeLink {
  title: string;
  /** An absolute http(s) URL. */
  url: string;
}

/**
 * Everything the repository stores, as is, and what `Practice.restore` takes back: the one place a
 * field of a practice is written (the mongoose schema and the view are checked against it). Absent
 * optional values are `null`, as in the stored document. `version` is the stored version the
 * aggregate was loaded at (0 for a practice not yet saved). The counts are kept by the aggregate in
 * the same transaction as the event that changes them, so they are exact: endorsements now in
 * force, published comments, and exchange requests ever made.
 */
export interface PracticeSnapshot {
  id: string;
  title: string;
  summary: string;
  body: string;
  field: CreativeField;
  actionArea: ActionArea | null;
  sdgs: Sdg[];
  tags: string[];
  language: PracticeLanguage;
  outcomes: string | null;
  links: PracticeLink[];
  authorCityId: string;
  endorsementCount: number;
  commentCount: number;
  exchangeCount: number;
  status: PracticeStatus;
  /** Why and when a moderator hid it; null while published. */
  hiddenReason: string | null;
  hiddenAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A comment on a practice. Not part of the aggregate's state (a busy practice would grow without
 * bound): the practice's methods take and return it, and it is stored beside the practice.
 * `authorCityId` is null for a comment by an admin without a city (the network's secretariat).
 */
export interface CommentSnapshot {
  id: string;
  practiceId: string;
  authorCityId: string | null;
  authorUserId: string | null;
  text: string;
  status: CommentStatus;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One city's endorsement of a practice (one per city, a unique index decides races). */
export interface Endorsement {
  practiceId: string;
  cityId: string;
  userId: string | null;
  createdAt: Date;
}

export const REPORT_TARGETS = ['practice', 'comment'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const REPORT_STATUSES = ['open', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * A user's report of a practice or comment, open until a moderator hides the item (which resolves
 * every open report of it, `resolvedBy` the moderator's user id).
 */
export interface Report {
  id: string;
  targetType: ReportTarget;
  targetId: string;
  practiceId: string;
  reporterUserId: string;
  reporterCityId: string | null;
  reason: string;
  status: ReportStatus;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
