import type { ActionArea, CreativeField, Sdg, Sector } from '../../shared/reference-data';

/**
 * The vocabulary of a project's state (SPEC §3), shared by the aggregate, its events and whoever
 * stores or shows it. Plain data only.
 */

/** `proposed → active → completed`, and `cancelled` from either of the first two. */
export const PROJECT_STATUSES = ['proposed', 'active', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The statuses after which a project accepts no change. */
export const FINISHED_STATUSES: readonly ProjectStatus[] = ['completed', 'cancelled'];

export const PARTNER_STATUSES = ['invited', 'requested', 'accepted', 'declined', 'rejected', 'withdrawn'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/**
 * A city is a *current* partner while an invitation or a request is open or it has been accepted.
 * Current partners cannot be invited again nor ask again; after declined, rejected or withdrawn the
 * relation is closed and a new invitation or request may reopen it.
 */
export const CURRENT_PARTNER_STATUSES: readonly PartnerStatus[] = ['invited', 'requested', 'accepted'];

export const UPDATE_KINDS = ['news', 'milestone'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** One city's relation to a project; `since` is when it took its current status. */
export interface Partner {
  cityId: string;
  status: PartnerStatus;
  /** The invitation's or join request's message, kept while the relation lasts. */
  message: string | null;
  since: Date;
}

/**
 * Everything the repository stores, as is, and what `Project.restore` takes back: the one place a
 * field of a project is written (the mongoose schema and the view are checked against it). Absent
 * optional values are `null`, as in the stored document. Dates of the project's schedule are
 * calendar dates `YYYY-MM-DD`; timestamps are `Date`s. `version` is the stored version the
 * aggregate was loaded at (0 for a project not yet saved): the repository writes `version + 1` on
 * save, on condition that the stored version is still `version`.
 */
export interface ProjectSnapshot {
  id: string;
  title: string;
  summary: string;
  description: string | null;
  fields: CreativeField[];
  actionAreas: ActionArea[];
  sectors: Sector[];
  sdgs: Sdg[];
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  leadCityId: string;
  partners: Partner[];
  outcome: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A news item or milestone posted on a project (`POST /projects/:id/updates`). Not part of the
 * aggregate's state: `Project.postUpdate` returns it for the handler to store beside the project.
 */
export interface ProjectUpdate {
  id: string;
  projectId: string;
  text: string;
  kind: UpdateKind;
  authorCityId: string;
  createdAt: Date;
}
