import type { ActionArea, CreativeField, Region, Sdg, Sector } from '../../shared/reference-data';

/**
 * The documents of the insight read models, one collection per projection. Each is written only by
 * its projector (src/insight/consumers) from the event log, and may be rebuilt from it at any time
 * (`npm run rebuild:read-models -- insight.<name>`). Every document keeps the `seq` of the last
 * event it applied: an event with a smaller or equal seq changes nothing (replays, redelivery).
 * Joins between read models (a project's regions from its cities) are made when reading, so a
 * projector never reads another collection and a rebuild of one never depends on another.
 */

export const INSIGHT_COLLECTIONS = {
  cities: 'insight_cities',
  projects: 'insight_projects',
  practices: 'insight_practices',
  endorsements: 'insight_endorsements',
  exchanges: 'insight_exchanges',
} as const;

/** `YYYY-MM` of a date, in UTC: the month a thing is counted in. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

interface Guarded {
  /** The last event applied. */
  seq: number;
}

export interface InsightCity extends Guarded {
  _id: string;
  name: string;
  slug: string;
  country: string;
  region: Region;
  field: CreativeField;
  designationYear: number;
  languages: string[];
  lat: number | null;
  lng: number | null;
  description: string | null;
  website: string | null;
  registeredAt: Date;
  month: string;
  updatedAt: Date;
}

export interface InsightProject extends Guarded {
  _id: string;
  title: string;
  summary: string;
  status: 'proposed' | 'active' | 'completed' | 'cancelled';
  fields: CreativeField[];
  actionAreas: ActionArea[];
  sectors: Sector[];
  sdgs: Sdg[];
  startDate: string | null;
  endDate: string | null;
  leadCityId: string;
  /** Accepted partners now, lead excluded, in the order they joined. */
  partnerIds: string[];
  /** When each partner (by city id) last joined; kept after a withdrawal, which `partnerIds` tells. */
  joinedAt: Record<string, Date>;
  proposedAt: Date;
  month: string;
  /** When it was completed or cancelled. */
  finishedAt: Date | null;
  updatedAt: Date;
}

export interface InsightPractice extends Guarded {
  _id: string;
  title: string;
  summary: string;
  field: CreativeField;
  actionArea: ActionArea | null;
  sdgs: Sdg[];
  tags: string[];
  language: 'en' | 'es' | 'fr';
  authorCityId: string;
  status: 'published' | 'hidden';
  endorsementCount: number;
  sharedAt: Date;
  month: string;
  updatedAt: Date;
}

/** One city's endorsement of a practice: `_id` is `<practiceId>:<cityId>`; a withdrawn one stays, inactive. */
export interface InsightEndorsement extends Guarded {
  _id: string;
  practiceId: string;
  authorCityId: string;
  cityId: string;
  active: boolean;
  at: Date;
}

export interface InsightExchange extends Guarded {
  _id: string;
  practiceId: string;
  practiceTitle: string;
  hostCityId: string;
  requesterCityId: string;
  format: string;
  status: 'requested' | 'accepted' | 'declined' | 'cancelled' | 'completed';
  rating: number | null;
  requestedAt: Date;
  month: string;
  completedAt: Date | null;
  updatedAt: Date;
}
