import { fieldLabel, languageName, regionLabel, type CreativeField, type Region } from '../../shared/reference-data';
import { CURRENT_PARTNER_STATUSES, type PartnerStatus } from './project-state';

/**
 * Partner suggestions (`GET /projects/:id/partner-suggestions`): an explainable score per candidate
 * city, pure and synchronous. The handler gathers the inputs (all cities, the past SDGs of each city
 * and the lead's past projects with each city, from the projects collection) and calls
 * `suggestPartners`.
 *
 * The score is a sum of the factors below, each also given as a reason in plain English, so a user
 * sees why a city is suggested. All weights live here.
 */
export const SUGGESTION_WEIGHTS = {
  /** The city's creative field is one of the project's: the strongest single factor, because the
   * network is organised by field and cities of one field already share practices and events. */
  sameField: 40,
  /** Per project SDG the city has worked on in past projects… */
  sharedSdg: 8,
  /** …counting at most this many, so a long SDG list cannot outweigh the field. */
  maxSharedSdgs: 3,
  /** Per past project together with the lead: proven trust… */
  pastCollaboration: 10,
  /** …counting at most this many, so the same few cities are not always on top. */
  maxPastCollaborations: 2,
  /** The city's region is neither the lead's nor any current partner's: the network values
   * North–South and cross-regional cooperation. */
  newRegion: 15,
  /** The city speaks a language of the lead's: cheaper, quicker exchanges (once, not per language). */
  commonLanguage: 5,
} as const;

export interface CandidateCity {
  id: string;
  name: string;
  country: string;
  region: Region;
  field: CreativeField;
  /** ISO 639-1 codes, e.g. `['es', 'ca']`. */
  languages: readonly string[];
}

/** What is scored of the project: a `Project`, a `ProjectSnapshot` or a read model all fit. */
export interface SuggestionProject {
  leadCityId: string;
  fields: readonly CreativeField[];
  sdgs: readonly number[];
  partners: readonly { cityId: string; status: PartnerStatus }[];
}

export interface SuggestionContext {
  /** The lead city: its name words the reasons, its region and languages are compared. */
  lead: { name: string; region: Region; languages: readonly string[] };
  /** SDGs each city worked on in its past projects, by city id. Missing city = none. */
  pastSdgs?: Readonly<Record<string, readonly number[]>>;
  /** Number of past projects each city did with the lead, by city id. Missing city = none. */
  collaborationsWithLead?: Readonly<Record<string, number>>;
  /**
   * Regions of the project's current partners. Partners found among the candidates count by
   * themselves; list here the regions of partners the caller did not pass as candidates.
   */
  partnerRegions?: readonly Region[];
}

export interface PartnerSuggestion {
  city: CandidateCity;
  score: number;
  /** Plain-English reasons, strongest factor first, e.g. "Same creative field: Music". */
  reasons: string[];
}

export const DEFAULT_SUGGESTION_LIMIT = 10;

/**
 * Ranks the candidates for `project`, best first, at most `limit` of them. Never suggests the lead
 * or a current partner (invited, requested or accepted); a city that declined, was rejected or
 * withdrew may be suggested again. Candidates with no reason at all (score 0) are left out, since
 * a suggestion without a reason helps no one. Ties are broken by name, so the order is stable.
 */
export function suggestPartners(
  project: SuggestionProject,
  candidates: readonly CandidateCity[],
  context: SuggestionContext,
  limit: number = DEFAULT_SUGGESTION_LIMIT,
): PartnerSuggestion[] {
  const current = new Set(project.partners.filter((p) => CURRENT_PARTNER_STATUSES.includes(p.status)).map((p) => p.cityId));
  const excluded = new Set([project.leadCityId, ...current]);
  const coveredRegions = new Set<Region>([
    context.lead.region,
    ...(context.partnerRegions ?? []),
    ...candidates.filter((c) => current.has(c.id)).map((c) => c.region),
  ]);

  const seen = new Set<string>();
  const suggestions: PartnerSuggestion[] = [];
  for (const city of candidates) {
    if (excluded.has(city.id) || seen.has(city.id)) continue;
    seen.add(city.id);
    const suggestion = score(project, city, context, coveredRegions);
    if (suggestion.score > 0) suggestions.push(suggestion);
  }

  const byName = new Intl.Collator('en', { sensitivity: 'base' });
  suggestions.sort((a, b) => b.score - a.score || byName.compare(a.city.name, b.city.name) || (a.city.id < b.city.id ? -1 : 1));
  return suggestions.slice(0, Math.max(0, Math.floor(limit)));
}

function score(project: SuggestionProject, city: CandidateCity, context: SuggestionContext, coveredRegions: ReadonlySet<Region>): PartnerSuggestion {
  const w = SUGGESTION_WEIGHTS;
  let total = 0;
  const reasons: string[] = [];

  if (project.fields.includes(city.field)) {
    total += w.sameField;
    reasons.push(`Same creative field: ${fieldLabel(city.field)}`);
  }

  const pastSdgs = context.pastSdgs?.[city.id] ?? [];
  const shared = project.sdgs.filter((sdg) => pastSdgs.includes(sdg));
  if (shared.length > 0) {
    total += w.sharedSdg * Math.min(shared.length, w.maxSharedSdgs);
    reasons.push(`Shared SDGs: ${shared.join(', ')}`);
  }

  const together = Math.max(0, Math.floor(context.collaborationsWithLead?.[city.id] ?? 0));
  if (together > 0) {
    total += w.pastCollaboration * Math.min(together, w.maxPastCollaborations);
    reasons.push(`Worked with ${context.lead.name} before on ${together} ${together === 1 ? 'project' : 'projects'}`);
  }

  if (!coveredRegions.has(city.region)) {
    total += w.newRegion;
    reasons.push(`Brings a new region: ${regionLabel(city.region)}`);
  }

  const common = unique(city.languages.map(normalise)).filter((code) => context.lead.languages.map(normalise).includes(code));
  if (common.length > 0) {
    total += w.commonLanguage;
    reasons.push(`Common ${common.length === 1 ? 'language' : 'languages'}: ${common.map((code) => languageName(code)).join(', ')}`);
  }

  return { city, score: total, reasons };
}

// Compare primary language subtags: 'es-ES' and 'es' are the same language here.
const normalise = (code: string) => code.trim().toLowerCase().split('-')[0];
const unique = <T>(values: T[]) => [...new Set(values)];
