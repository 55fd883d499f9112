import type { CreativeField, Region, Sdg } from '../../shared/reference-data';

/**
 * What the pure insight functions take: the read models' rows, narrowed to what they count. The
 * reader (persistence/insight-reader.ts) loads them; the functions never do I/O.
 */

export interface CityFact {
  id: string;
  name: string;
  country: string;
  region: Region;
  field: CreativeField;
  lat: number | null;
  lng: number | null;
  /** `YYYY-MM` registered. */
  month: string;
}

export interface ProjectFact {
  id: string;
  status: string;
  fields: CreativeField[];
  sdgs: Sdg[];
  leadCityId: string;
  partnerIds: string[];
  /** `YYYY-MM` proposed. */
  month: string;
}

/** Practices grouped by everything stats count them by (the read model may hold very many). */
export interface PracticeGroup {
  field: CreativeField;
  status: string;
  authorCityId: string;
  month: string;
  sdgs: Sdg[];
  count: number;
}

export interface ExchangeFact {
  id: string;
  status: string;
  hostCityId: string;
  requesterCityId: string;
  /** `YYYY-MM` requested. */
  month: string;
  /** `YYYY-MM` completed, for completed ones. */
  completedMonth: string | null;
  /** The practice's field and SDGs (null: the practice is unknown to the read model). */
  field: CreativeField | null;
  sdgs: Sdg[];
}

/** The cities taking part in a project now: the lead and the accepted partners. */
export const membersOf = (p: Pick<ProjectFact, 'leadCityId' | 'partnerIds'>): string[] => [...new Set([p.leadCityId, ...p.partnerIds])];
