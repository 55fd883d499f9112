import { isActionArea, isCreativeField, isSdg, type CreativeField, type Sdg } from '../../shared/reference-data';
import { SnapshotAggregate, systemClock, type Clock } from '../../shared/snapshot-aggregate';
import { Exchange, type ExchangeRequestInput } from './exchange';
import { ExchangeRule, exchangeRule } from './exchange-errors';
import { commentNotFound, PracticeRule, practiceNotFound, practiceRule, practiceStaleVersion } from './practice-errors';
import type { PracticeChanges, PracticeEventMap } from './practice-events';
import { assertAuthor, assertModerator, canSee, cityActingFor, type PracticeActor, type PracticeViewer } from './practice-policy';
import {
  PRACTICE_LANGUAGES,
  type CommentSnapshot,
  type Endorsement,
  type PracticeLanguage,
  type PracticeLink,
  type PracticeSnapshot,
  type PracticeStatus,
  type Report,
} from './practice-state';
import { linkList, optionalText, PRACTICE_LIMITS, referenceId, referenceList, requiredId, requiredText, tagList } from './practice-values';

/** The body of `POST /practices`, plus the id the handler generated. */
export interface SharePracticeInput {
  id: string;
  title: string;
  summary: string;
  body: string;
  field: string;
  actionArea?: string | null;
  sdgs: readonly number[];
  tags: readonly string[];
  language: string;
  outcomes?: string | null;
  links?: readonly { title: string; url: string }[] | null;
  /** Defaults to the actor's city; only an admin may name another (see `cityActingFor`). */
  authorCityId?: string | null;
}

/** The editable fields of `PATCH /practices/:id`; `null` clears an optional one. */
export type PracticeChangesInput = Partial<Omit<SharePracticeInput, 'id' | 'authorCityId'>>;

/** What a handler read beside the practice for a rule the aggregate decides (the unique indexes back it up). */
export interface Known {
  already: boolean;
}

const isLanguage = (value: unknown): value is PracticeLanguage => (PRACTICE_LANGUAGES as readonly unknown[]).includes(value);

/**
 * A best practice shared by a member city, with its endorsements, comments, moderation and the
 * exchanges other cities ask for around it: its state and every rule of SPEC §3.
 *
 * Each use case is one method that checks, in this order: that the actor may see the practice (a
 * hidden one is a 404 for all but admins and the author city), the actor's rights (403), the input
 * values (400), the rules of the current state (409, codes in `PracticeRule`) and, for `update`,
 * the version the client read (409). Only then it changes the state and records one event, so a
 * refused command leaves the aggregate untouched and records nothing.
 *
 * Comments, endorsements and reports live beside the practice (they would grow it without bound):
 * methods take what the handler read of them and return what to store, while the counts on the
 * practice change here, in the same save as the event.
 */
export class Practice extends SnapshotAggregate<PracticeEventMap, PracticeSnapshot> {
  /** A new published practice by the actor's city; records `PracticeShared`. */
  static share(input: SharePracticeInput, actor: PracticeActor, clock: Clock = systemClock): Practice {
    const authorCityId = cityActingFor(actor, input.authorCityId, 'share a practice');
    const id = requiredId('id', input.id);
    const values = validateContent(input);
    const now = clock();
    const practice = new Practice(
      {
        id,
        ...values,
        authorCityId,
        endorsementCount: 0,
        commentCount: 0,
        exchangeCount: 0,
        status: 'published',
        hiddenReason: null,
        hiddenAt: null,
        version: 0,
        createdAt: now,
        updatedAt: now,
      },
      clock,
    );
    const s = practice.state;
    practice.record('PracticeShared', {
      ...practice.eventBase(),
      summary: s.summary,
      actionArea: s.actionArea,
      sdgs: [...s.sdgs],
      tags: [...s.tags],
      language: s.language,
    });
    return practice;
  }

  /** Rebuilds a stored practice; records nothing. */
  static restore(snapshot: PracticeSnapshot, clock: Clock = systemClock): Practice {
    return new Practice(snapshot, clock);
  }

  // ---- reading ------------------------------------------------------------------------------

  get title(): string {
    return this.state.title;
  }
  get field(): CreativeField {
    return this.state.field;
  }
  get authorCityId(): string {
    return this.state.authorCityId;
  }
  get status(): PracticeStatus {
    return this.state.status;
  }
  get endorsementCount(): number {
    return this.state.endorsementCount;
  }
  get commentCount(): number {
    return this.state.commentCount;
  }
  get exchangeCount(): number {
    return this.state.exchangeCount;
  }

  canBeSeenBy(viewer: PracticeViewer): boolean {
    return canSee(viewer, this.state);
  }

  // ---- the author ---------------------------------------------------------------------------

  /**
   * Edits the practice (author city or admin; a hidden practice too, so its author can mend it).
   * `expectedVersion`, when the client sent one, must be the stored version. Returns the changes
   * applied; when nothing actually differs, records nothing.
   */
  update(changes: PracticeChangesInput, expectedVersion: number | undefined, actor: PracticeActor): PracticeChanges {
    this.assertVisible(actor);
    assertAuthor(actor, this.state, 'edit the practice');
    const applied = this.diff(changes);
    if (expectedVersion !== undefined && expectedVersion !== this.state.version) throw practiceStaleVersion(expectedVersion, this.state.version);
    if (Object.keys(applied).length === 0) return applied;

    this.state = { ...this.state, ...structuredClone(applied), updatedAt: this.clock() };
    this.record('PracticeUpdated', { ...this.eventBase(), changes: applied });
    return applied;
  }

  // ---- other cities -------------------------------------------------------------------------

  /** A city other than the author endorses the practice, once. Returns the endorsement to store. */
  endorse(namedCityId: string | null | undefined, actor: PracticeActor, endorsed: Known): Endorsement {
    this.assertVisible(actor);
    const cityId = cityActingFor(actor, namedCityId, 'endorse a practice');
    this.assertPublished('endorsed');
    if (cityId === this.state.authorCityId) throw practiceRule(PracticeRule.CannotEndorseOwn, 'A city cannot endorse its own practice');
    if (endorsed.already) throw practiceRule(PracticeRule.AlreadyEndorsed, `City ${cityId} has already endorsed this practice`);
    const now = this.clock();
    this.state = { ...this.state, endorsementCount: this.state.endorsementCount + 1, updatedAt: now };
    this.record('PracticeEndorsed', { ...this.eventBase(), cityId, endorsementCount: this.state.endorsementCount });
    return { practiceId: this.state.id, cityId, userId: actor.userId, createdAt: now };
  }

  /** The city takes its endorsement back (it may endorse again later). Returns the city. */
  withdrawEndorsement(namedCityId: string | null | undefined, actor: PracticeActor, endorsed: Known): string {
    this.assertVisible(actor);
    const cityId = cityActingFor(actor, namedCityId, 'withdraw an endorsement');
    if (!endorsed.already) throw practiceRule(PracticeRule.NotEndorsed, `City ${cityId} has not endorsed this practice`);
    this.state = { ...this.state, endorsementCount: Math.max(0, this.state.endorsementCount - 1), updatedAt: this.clock() };
    this.record('PracticeEndorsementWithdrawn', { ...this.eventBase(), cityId, endorsementCount: this.state.endorsementCount });
    return cityId;
  }

  /** Any signed-in user comments, for their city (an admin without one: for the network). */
  comment(input: { commentId: string; text: string }, actor: PracticeActor): CommentSnapshot {
    this.assertVisible(actor);
    const commentId = requiredId('commentId', input.commentId);
    const text = requiredText('text', input.text, PRACTICE_LIMITS.comment);
    this.assertPublished('commented on');
    const now = this.clock();
    this.state = { ...this.state, commentCount: this.state.commentCount + 1, updatedAt: now };
    const comment: CommentSnapshot = {
      id: commentId,
      practiceId: this.state.id,
      authorCityId: actor.cityId,
      authorUserId: actor.userId,
      text,
      status: 'published',
      hiddenReason: null,
      hiddenAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    this.record('PracticeCommented', { ...this.commentBase(comment), text, commentCount: this.state.commentCount });
    return comment;
  }

  /** A user reports the practice to the moderators, once. Changes nothing others see. */
  report(input: { reportId: string; reason: string }, actor: PracticeActor, reported: Known): Report {
    this.assertVisible(actor);
    const reportId = requiredId('reportId', input.reportId);
    const reason = requiredText('reason', input.reason, PRACTICE_LIMITS.reason);
    this.assertPublished('reported');
    if (reported.already) throw practiceRule(PracticeRule.AlreadyReported, 'You have already reported this practice');
    this.record('PracticeReported', { ...this.eventBase(), reportId, reason });
    return this.newReport(reportId, 'practice', this.state.id, reason, actor);
  }

  /** A user reports a comment of this practice, once. */
  reportComment(comment: CommentSnapshot, input: { reportId: string; reason: string }, actor: PracticeActor, reported: Known): Report {
    this.assertCommentVisible(comment, actor);
    const reportId = requiredId('reportId', input.reportId);
    const reason = requiredText('reason', input.reason, PRACTICE_LIMITS.reason);
    this.assertPublished('reported on');
    if (comment.status === 'hidden') throw practiceRule(PracticeRule.CommentHidden, 'This comment is hidden already');
    if (reported.already) throw practiceRule(PracticeRule.CommentAlreadyReported, 'You have already reported this comment');
    this.record('CommentReported', { ...this.commentBase(comment), reportId, reason });
    return this.newReport(reportId, 'comment', comment.id, reason, actor);
  }

  /**
   * Asks the author city for an exchange around this practice, for the actor's city. At most one
   * open (requested or accepted) exchange per city and practice. Returns the new exchange;
   * `exchangeCount` counts every request made.
   */
  requestExchange(
    exchangeId: string,
    input: ExchangeRequestInput & { requesterCityId?: string | null },
    actor: PracticeActor,
    openExchange: Known,
  ): Exchange {
    this.assertVisible(actor);
    const requesterCityId = cityActingFor(actor, input.requesterCityId, 'ask for an exchange');
    const id = requiredId('exchangeId', exchangeId);
    const values = Exchange.validateRequest(input);
    this.assertPublished('asked for an exchange');
    if (requesterCityId === this.state.authorCityId) {
      throw exchangeRule(ExchangeRule.OwnPractice, 'A city cannot ask for an exchange on its own practice');
    }
    if (openExchange.already) {
      throw exchangeRule(ExchangeRule.AlreadyOpen, `City ${requesterCityId} already has an open exchange on this practice`);
    }
    this.state = { ...this.state, exchangeCount: this.state.exchangeCount + 1, updatedAt: this.clock() };
    return Exchange.open(id, this.state, requesterCityId, values, this.clock);
  }

  // ---- moderation (admins) ------------------------------------------------------------------

  hide(reason: string, actor: PracticeActor): void {
    this.assertVisible(actor);
    assertModerator(actor, 'hide a practice');
    const text = requiredText('reason', reason, PRACTICE_LIMITS.reason);
    if (this.state.status === 'hidden') throw practiceRule(PracticeRule.AlreadyHidden, 'This practice is hidden already');
    const now = this.clock();
    this.state = { ...this.state, status: 'hidden', hiddenReason: text, hiddenAt: now, updatedAt: now };
    this.record('PracticeHidden', { ...this.eventBase(), reason: text });
  }

  unhide(actor: PracticeActor): void {
    this.assertVisible(actor);
    assertModerator(actor, 'unhide a practice');
    if (this.state.status !== 'hidden') throw practiceRule(PracticeRule.NotHidden, 'This practice is not hidden');
    this.state = { ...this.state, status: 'published', hiddenReason: null, hiddenAt: null, updatedAt: this.clock() };
    this.record('PracticeUnhidden', this.eventBase());
  }

  /** Hides a comment; `commentCount` counts published comments only. Returns the comment to store. */
  hideComment(comment: CommentSnapshot, reason: string, actor: PracticeActor): CommentSnapshot {
    this.assertCommentVisible(comment, actor);
    assertModerator(actor, 'hide a comment');
    const text = requiredText('reason', reason, PRACTICE_LIMITS.reason);
    if (comment.status === 'hidden') throw practiceRule(PracticeRule.CommentAlreadyHidden, 'This comment is hidden already');
    const now = this.clock();
    this.state = { ...this.state, commentCount: Math.max(0, this.state.commentCount - 1), updatedAt: now };
    this.record('CommentHidden', { ...this.commentBase(comment), reason: text, commentCount: this.state.commentCount });
    return { ...comment, status: 'hidden', hiddenReason: text, hiddenAt: now, version: comment.version + 1, updatedAt: now };
  }

  unhideComment(comment: CommentSnapshot, actor: PracticeActor): CommentSnapshot {
    this.assertCommentVisible(comment, actor);
    assertModerator(actor, 'unhide a comment');
    if (comment.status !== 'hidden') throw practiceRule(PracticeRule.CommentNotHidden, 'This comment is not hidden');
    const now = this.clock();
    this.state = { ...this.state, commentCount: this.state.commentCount + 1, updatedAt: now };
    this.record('CommentUnhidden', { ...this.commentBase(comment), commentCount: this.state.commentCount });
    return { ...comment, status: 'published', hiddenReason: null, hiddenAt: null, version: comment.version + 1, updatedAt: now };
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Acting on a practice one may not see is answered as if it did not exist (no probing for ids). */
  private assertVisible(actor: PracticeActor): void {
    if (!this.canBeSeenBy(actor)) throw practiceNotFound(this.state.id);
  }

  private assertCommentVisible(comment: CommentSnapshot, actor: PracticeActor): void {
    this.assertVisible(actor);
    this.assertOwnComment(comment);
    if (!canSee(actor, comment)) throw commentNotFound(comment.id);
  }

  private assertOwnComment(comment: CommentSnapshot): void {
    if (comment.practiceId !== this.state.id) throw commentNotFound(comment.id);
  }

  private assertPublished(what: string): void {
    if (this.state.status === 'hidden') throw practiceRule(PracticeRule.Hidden, `A hidden practice cannot be ${what}`);
  }

  private newReport(id: string, targetType: Report['targetType'], targetId: string, reason: string, actor: PracticeActor): Report {
    const now = this.clock();
    return {
      id,
      targetType,
      targetId,
      practiceId: this.state.id,
      reporterUserId: actor.userId ?? actor.role,
      reporterCityId: actor.cityId,
      reason,
      status: 'open',
      resolvedAt: null,
      resolvedBy: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** The validated changes that differ from the current state (lists compared in order). */
  private diff(input: PracticeChangesInput): PracticeChanges {
    const s = this.state;
    const changes: PracticeChanges = {};
    if (input.title !== undefined) changes.title = requiredText('title', input.title, PRACTICE_LIMITS.title);
    if (input.summary !== undefined) changes.summary = requiredText('summary', input.summary, PRACTICE_LIMITS.summary);
    if (input.body !== undefined) changes.body = requiredText('body', input.body, PRACTICE_LIMITS.body);
    if (input.field !== undefined) changes.field = referenceId('field', input.field, isCreativeField, 'creative field');
    if (input.actionArea !== undefined) {
      changes.actionArea = input.actionArea === null ? null : referenceId('actionArea', input.actionArea, isActionArea, 'action area');
    }
    if (input.sdgs !== undefined) changes.sdgs = referenceList('sdgs', input.sdgs, isSdg, 'SDG (1 to 17)', 1);
    if (input.tags !== undefined) changes.tags = tagList('tags', input.tags);
    if (input.language !== undefined) changes.language = referenceId('language', input.language, isLanguage, 'language (en, es, fr)');
    if (input.outcomes !== undefined) changes.outcomes = optionalText('outcomes', input.outcomes, PRACTICE_LIMITS.outcomes);
    if (input.links !== undefined) changes.links = linkList('links', input.links);

    // Keep only real differences, so the event says what changed and a no-op PATCH records nothing.
    for (const key of Object.keys(changes) as (keyof PracticeChanges)[]) {
      if (sameValue(changes[key], s[key])) delete changes[key];
    }
    return changes;
  }

  private eventBase() {
    return { practiceId: this.state.id, title: this.state.title, authorCityId: this.state.authorCityId, field: this.state.field };
  }

  private commentBase(comment: CommentSnapshot) {
    return { ...this.eventBase(), commentId: comment.id, commentAuthorCityId: comment.authorCityId };
  }
}

function validateContent(input: SharePracticeInput) {
  return {
    title: requiredText('title', input.title, PRACTICE_LIMITS.title),
    summary: requiredText('summary', input.summary, PRACTICE_LIMITS.summary),
    body: requiredText('body', input.body, PRACTICE_LIMITS.body),
    field: referenceId('field', input.field, isCreativeField, 'creative field'),
    actionArea:
      input.actionArea === undefined || input.actionArea === null ? null : referenceId('actionArea', input.actionArea, isActionArea, 'action area'),
    sdgs: referenceList('sdgs', input.sdgs, isSdg, 'SDG (1 to 17)', 1) as Sdg[],
    tags: tagList('tags', input.tags),
    language: referenceId('language', input.language, isLanguage, 'language (en, es, fr)'),
    outcomes: optionalText('outcomes', input.outcomes, PRACTICE_LIMITS.outcomes),
    links: linkList('links', input.links),
  };
}

/** Equal values: texts and numbers by value, lists (of values or links) element by element. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const la = a as PracticeLink;
    const lb = b as PracticeLink;
    return la.title === lb.title && la.url === lb.url;
  }
  return a === b;
}
