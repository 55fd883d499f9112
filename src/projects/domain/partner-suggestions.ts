import { CREATIVE_FIELDS, fieldLabel, languageName, LANGS, regionLabel, type CreativeField, type Region } from '../../shared/reference-data';
import { foldForSearch } from '../../shared/search-text';
import { CURRENT_PARTNER_STATUSES, type PartnerStatus } from './project-state';

/**
 * Partner suggestions (`GET /projects/:id/partner-suggestions`): an explainable score per candidate
 * city, pure and synchronous. The handler gathers the inputs (all cities, the past SDGs of each city
 * and the lead's past projects with each city, from the projects collection) and calls
 * `suggestPartners`.
 *
 * The score is a sum of the factors below, each also given as a reason in plain English, so a user
 * sees why a city is suggested. All weights live here.
 *
 * Beside the projects collection, the handler asks the practices module (one query for the whole
 * network) for every published practice and the exchanges the lead took part in, and the insight
 * module how many collaborations link the lead's region with each other one in the project's fields.
 */
export const SUGGESTION_WEIGHTS = {
  /** The city's creative field is one of the project's: the strongest single factor, because the
   * network is organised by field and cities of one field already share practices and events. */
  sameField: 40,
  /** Per published practice the city shared on the project's topic (in one of its fields, or tagged
   * with a word of its title, summary or fields): the city has done such work and shows it to the
   * network, which says more than an SDG in common but less than the field the network is built on… */
  sharedPractice: 12,
  /** …counting at most this many, so a prolific author cannot outweigh the field. */
  maxSharedPractices: 2,
  /** Per project SDG the city has worked on in past projects… */
  sharedSdg: 8,
  /** …counting at most this many, so a long SDG list cannot outweigh the field. */
  maxSharedSdgs: 3,
  /** Per past project together with the lead: proven trust… */
  pastCollaboration: 10,
  /** …counting at most this many, so the same few cities are not always on top. */
  maxPastCollaborations: 2,
  /** Per exchange between the city and the lead, either way (hosted or asked for), accepted or
   * completed: the two cities already work together, on a smaller scale than a joint project
   * (a visit, an online session), so a little less than a past project… */
  exchangeWithLead: 8,
  /** …counting at most this many, for the same reason as past projects. */
  maxExchangesWithLead: 2,
  /** The city's region is neither the lead's nor any current partner's: the network values
   * North–South and cross-regional cooperation. */
  newRegion: 15,
  /** The city speaks a language of the lead's: cheaper, quicker exchanges (once, not per language). */
  commonLanguage: 5,
  /** The city's region and the lead's have fewer than `underConnectedBelow` collaborations (shared
   * projects, completed exchanges) in the project's fields: the network's 2023 evaluation found its
   * exchanges geographically unbalanced, so a link where few exist is worth more than a familiar one.
   * Less than a new region (which also widens the project itself), more than a common language. */
  underConnectedRegion: 10,
  underConnectedBelow: 3,
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
  /** Title and summary: a practice tagged with one of their words is on the project's topic. */
  title?: string;
  summary?: string;
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
  /** Published practices of the network, newest first (`ListNetworkPracticeActivityQuery` fits). */
  practices?: readonly SharedPractice[];
  /** Accepted or completed exchanges the lead took part in, most recent first; others are ignored. */
  exchangesWithLead?: readonly LeadExchange[];
  /**
   * Collaborations in the project's fields linking the lead's region with each other region
   * (`CountRegionLinksQuery` of the insight module). Absent: the factor is left out.
   */
  regionLinks?: readonly RegionLinkCount[];
}

/** How many collaborations link the lead's region with `region`. */
export interface RegionLinkCount {
  region: Region;
  projects: number;
  exchanges: number;
}

/** A published practice: who shared it and what it is about. */
export interface SharedPractice {
  authorCityId: string;
  title: string;
  field: CreativeField;
  /** Lower-case keywords. */
  tags: readonly string[];
}

/** An exchange between the lead and another city that the host accepted or that took place. */
export interface LeadExchange {
  hostCityId: string;
  requesterCityId: string;
  status: 'accepted' | 'completed';
  /** `online`, `study-visit`, `mentoring`, `staff-exchange`; another is worded "an exchange". */
  format: string;
  /** The practice it was about, when it is public (null: left out of the reason). */
  practiceTitle: string | null;
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

  const network: Network = {
    coveredRegions,
    topics: projectTopics(project),
    practicesBy: groupBy(context.practices ?? [], (p) => p.authorCityId),
    exchangesWith: groupBy(
      (context.exchangesWithLead ?? []).filter((e) => (e.hostCityId === project.leadCityId) !== (e.requesterCityId === project.leadCityId)),
      (e) => (e.hostCityId === project.leadCityId ? e.requesterCityId : e.hostCityId),
    ),
  };

  const seen = new Set<string>();
  const suggestions: PartnerSuggestion[] = [];
  for (const city of candidates) {
    if (excluded.has(city.id) || seen.has(city.id)) continue;
    seen.add(city.id);
    const suggestion = score(project, city, context, network);
    if (suggestion.score > 0) suggestions.push(suggestion);
  }

  const byName = new Intl.Collator('en', { sensitivity: 'base' });
  suggestions.sort((a, b) => b.score - a.score || byName.compare(a.city.name, b.city.name) || (a.city.id < b.city.id ? -1 : 1));
  return suggestions.slice(0, Math.max(0, Math.floor(limit)));
}

/** What `suggestPartners` works out once for all candidates. */
interface Network {
  coveredRegions: ReadonlySet<Region>;
  topics: readonly string[];
  practicesBy: ReadonlyMap<string, readonly SharedPractice[]>;
  /** The lead's exchanges by the other city. */
  exchangesWith: ReadonlyMap<string, readonly LeadExchange[]>;
}

function score(project: SuggestionProject, city: CandidateCity, context: SuggestionContext, network: Network): PartnerSuggestion {
  const w = SUGGESTION_WEIGHTS;
  let total = 0;
  const reasons: string[] = [];

  if (project.fields.includes(city.field)) {
    total += w.sameField;
    reasons.push(`Same creative field: ${fieldLabel(city.field)}`);
  }

  const onTopic = practicesOnTopic(project, network.topics, network.practicesBy.get(city.id) ?? []);
  if (onTopic.length > 0) {
    total += w.sharedPractice * Math.min(onTopic.length, w.maxSharedPractices);
    // The most specific first: a matching tag says more than the field.
    const best = onTopic.find((m) => m.byTag) ?? onTopic[0];
    reasons.push(`Shared a practice on ${best.on}: “${best.practice.title}”${andMore(onTopic.length)}`);
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

  const exchanges = network.exchangesWith.get(city.id) ?? [];
  if (exchanges.length > 0) {
    total += w.exchangeWithLead * Math.min(exchanges.length, w.maxExchangesWithLead);
    const hosted = exchanges.filter((e) => e.hostCityId === city.id);
    const asked = exchanges.filter((e) => e.requesterCityId === city.id);
    if (hosted.length > 0) reasons.push(exchangeReason('hosted', hosted, context.lead.name));
    if (asked.length > 0) reasons.push(exchangeReason('asked', asked, context.lead.name));
  }

  if (!network.coveredRegions.has(city.region)) {
    total += w.newRegion;
    reasons.push(`Brings a new region: ${regionLabel(city.region)}`);
  }

  const link = context.regionLinks?.find((l) => l.region === city.region);
  if (link && city.region !== context.lead.region && link.projects + link.exchanges < w.underConnectedBelow) {
    total += w.underConnectedRegion;
    reasons.push(underConnectedReason(context.lead.region, city.region, project.fields));
  }

  const common = unique(city.languages.map(normalise)).filter((code) => context.lead.languages.map(normalise).includes(code));
  if (common.length > 0) {
    total += w.commonLanguage;
    reasons.push(`Common ${common.length === 1 ? 'language' : 'languages'}: ${common.map((code) => languageName(code)).join(', ')}`);
  }

  return { city, score: total, reasons };
}

interface TopicMatch {
  practice: SharedPractice;
  /** The tag or the field's label the reason names. */
  on: string;
  byTag: boolean;
}

/**
 * The city's practices on the project's topic, in the order given (newest first): a practice in one
 * of the project's fields, or with a tag found as whole words in the project's title, summary or
 * field names (any language). Words are compared folded (case, accents, punctuation) and without a
 * final "s", so the tag "Design weeks" meets "design week"; a tag made only of short or common words
 * ("and", "de la") meets nothing.
 */
function practicesOnTopic(project: SuggestionProject, topics: readonly string[], practices: readonly SharedPractice[]): TopicMatch[] {
  const matches: TopicMatch[] = [];
  for (const practice of practices) {
    const tag = practice.tags.find((t) => tagMatches(t, topics));
    if (tag !== undefined) matches.push({ practice, on: tag, byTag: true });
    else if (project.fields.includes(practice.field)) matches.push({ practice, on: fieldLabel(practice.field).toLowerCase(), byTag: false });
  }
  return matches;
}

/** The project's words, each source as ` w1 w2 … ` so that a tag matches whole words and no phrase spans two sources. */
function projectTopics(project: SuggestionProject): string[] {
  const fieldNames = CREATIVE_FIELDS.filter((f) => project.fields.includes(f.id)).flatMap((f) => [f.id, ...LANGS.map((lang) => f.label[lang])]);
  return [project.title ?? '', project.summary ?? '', ...fieldNames].map((text) => ` ${words(text).join(' ')} `).filter((t) => t.trim() !== '');
}

function tagMatches(tag: string, topics: readonly string[]): boolean {
  const tagWords = words(tag);
  if (!tagWords.some((word) => word.length >= 3 && !COMMON_WORDS.has(word))) return false;
  const needle = ` ${tagWords.join(' ')} `;
  return topics.some((topic) => topic.includes(needle));
}

const words = (text: string) =>
  foldForSearch(text)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));

/** Words that say nothing of a topic (English, Spanish, French), folded and without a final "s". */
const COMMON_WORDS = new Set([
  'and',
  'the',
  'for',
  'with',
  'from',
  'our',
  'los',
  'las',
  'del',
  'con',
  'para',
  'por',
  'una',
  'uno',
  'des',
  'les',
  'une',
  'pour',
  'avec',
  'dan',
  'sur',
  'aux',
]);

/**
 * How an exchange is told, by format and by the candidate's side: `{lead}` is the lead's name.
 * Accepted exchanges have not taken place yet: the host "agreed to host"; the requester "asked" either way.
 */
const EXCHANGE_WORDING: Record<string, { hosted: string; agreed: string; asked: string }> = {
  online: {
    hosted: 'Hosted an online exchange for {lead}',
    agreed: 'Agreed to host an online exchange for {lead}',
    asked: 'Asked {lead} for an online exchange',
  },
  'study-visit': {
    hosted: 'Hosted a study visit for {lead}',
    agreed: 'Agreed to host a study visit for {lead}',
    asked: 'Asked {lead} for a study visit',
  },
  mentoring: { hosted: 'Mentored {lead}', agreed: 'Agreed to mentor {lead}', asked: 'Asked {lead} for mentoring' },
  'staff-exchange': {
    hosted: 'Hosted a staff exchange for {lead}',
    agreed: 'Agreed to host a staff exchange for {lead}',
    asked: 'Asked {lead} for a staff exchange',
  },
};
const ANY_EXCHANGE = {
  hosted: 'Hosted an exchange for {lead}',
  agreed: 'Agreed to host an exchange for {lead}',
  asked: 'Asked {lead} for an exchange',
};

/** One reason per side, naming the exchange that says most (a completed one, else the most recent). */
function exchangeReason(side: 'hosted' | 'asked', exchanges: readonly LeadExchange[], leadName: string): string {
  const shown = exchanges.find((e) => e.status === 'completed') ?? exchanges[0];
  const wording = EXCHANGE_WORDING[shown.format] ?? ANY_EXCHANGE;
  const template = side === 'asked' ? wording.asked : shown.status === 'completed' ? wording.hosted : wording.agreed;
  const about = shown.practiceTitle ? ` on “${shown.practiceTitle}”` : '';
  return `${template.replace('{lead}', leadName)}${about}${andMore(exchanges.length)}`;
}

/** Regions as an English sentence names them. */
const REGION_IN_SENTENCE: Record<Region, string> = {
  africa: 'Africa',
  'arab-states': 'the Arab States',
  'asia-pacific': 'Asia and the Pacific',
  'europe-north-america': 'Europe and North America',
  'latin-america-caribbean': 'Latin America and the Caribbean',
};

/** E.g. "Few projects link Europe and North America with the Arab States in music yet". */
function underConnectedReason(from: Region, to: Region, fields: readonly CreativeField[]): string {
  const names = fields.map((f) => fieldLabel(f).toLowerCase());
  const inFields =
    names.length === 0 ? '' : ` in ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`}`;
  return `Few projects link ${REGION_IN_SENTENCE[from]} with ${REGION_IN_SENTENCE[to]}${inFields} yet`;
}

const andMore = (count: number) => (count > 1 ? ` (and ${count - 1} more)` : '');

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// Compare primary language subtags: 'es-ES' and 'es' are the same language here.
const normalise = (code: string) => code.trim().toLowerCase().split('-')[0];
const unique = <T>(values: T[]) => [...new Set(values)];
