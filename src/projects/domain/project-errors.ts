import { aggregateErrors, staleVersionCode, type CodeOf } from '@app/domain';

/**
 * Stable codes of every project rule (→ 409) and right (→ 403). The code becomes the problem
 * `type` of the HTTP answer; clients and tests may rely on it, so never rename one.
 */
export const ProjectRule = {
  /** Any change to a completed or cancelled project. */
  Finished: 'project.finished',
  CannotInviteLead: 'project.cannot-invite-lead',
  AlreadyInvited: 'project.partner-already-invited',
  AlreadyRequested: 'project.partner-already-requested',
  AlreadyPartner: 'project.partner-already-accepted',
  NoInvitation: 'project.no-invitation',
  LeadCannotJoin: 'project.lead-cannot-join',
  NoJoinRequest: 'project.no-join-request',
  LeadCannotWithdraw: 'project.lead-cannot-withdraw',
  NotAPartner: 'project.not-a-partner',
  NotProposed: 'project.not-proposed',
  NoAcceptedPartner: 'project.no-accepted-partner',
  NotActive: 'project.not-active',
} as const;
export type ProjectRuleCode = CodeOf<typeof ProjectRule>;

/** `PATCH` with a `version` other than the stored one (→ 409). */
export const PROJECT_STALE_VERSION = staleVersionCode('project');

export const ProjectRight = {
  /** Only the lead city (or an admin acting as it) may do this. */
  LeadOnly: 'project.lead-only',
  /** A city user may act only for their own city. */
  NotYourCity: 'project.not-your-city',
  /** Only the lead and accepted partners may post updates. */
  MembersOnly: 'project.members-only',
  /** Proposing needs a lead city: the user's own, or one an admin names. */
  LeadCityRequired: 'project.lead-city-required',
} as const;
export type ProjectRightCode = CodeOf<typeof ProjectRight>;

export const { rule: ruleViolation, forbidden, staleVersion } = aggregateErrors<ProjectRuleCode, ProjectRightCode>('project');
