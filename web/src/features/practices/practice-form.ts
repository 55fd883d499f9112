import type { components } from '../../api/schema';
import type { Practice } from './practice-api';

type ShareBody = components['schemas']['SharePracticeDto'];
type PatchBody = components['schemas']['UpdatePracticeDto'];

/** The share / edit form's values, as the inputs hold them (tags as typed, links as rows). */
export interface PracticeFormValues {
  authorCityId: string;
  title: string;
  summary: string;
  body: string;
  field: string;
  actionArea: string;
  sdgs: number[];
  tags: string;
  language: string;
  outcomes: string;
  links: { title: string; url: string }[];
}

/** The form's fields in form order: ErrorSummary lists them so, and the first invalid one gets focus. */
export const PRACTICE_FIELDS = [
  'authorCityId',
  'title',
  'summary',
  'body',
  'field',
  'actionArea',
  'sdgs',
  'tags',
  'language',
  'outcomes',
  'links',
] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number];

export const emptyPracticeValues = (language = 'en'): PracticeFormValues => ({
  authorCityId: '',
  title: '',
  summary: '',
  body: '',
  field: '',
  actionArea: '',
  sdgs: [],
  tags: '',
  language,
  outcomes: '',
  links: [],
});

export const valuesOf = (p: Practice): PracticeFormValues => ({
  authorCityId: p.authorCityId,
  title: p.title,
  summary: p.summary,
  body: p.body,
  field: p.field,
  actionArea: p.actionArea ?? '',
  sdgs: [...p.sdgs].sort((a, b) => a - b),
  tags: p.tags.join(', '),
  language: p.language,
  outcomes: p.outcomes ?? '',
  links: p.links.map((l) => ({ title: l.title, url: l.url })),
});

/** Tags as typed ("Heritage, open data") → the API's keywords (it lower-cases them too). */
export const tagsOf = (typed: string) => [
  ...new Set(
    typed
      .split(',')
      .map((t) => t.trim().replace(/\s+/g, ' ').toLowerCase())
      .filter(Boolean),
  ),
];

const linksOf = (rows: PracticeFormValues['links']) =>
  rows.map((l) => ({ title: l.title.trim(), url: l.url.trim() })).filter((l) => l.title || l.url);

/** What the user must still fill in before sending (the API checks everything else). */
export function missingFields(v: PracticeFormValues, needsAuthorCity: boolean): PracticeField[] {
  const missing: PracticeField[] = [];
  if (needsAuthorCity && !v.authorCityId) missing.push('authorCityId');
  for (const key of ['title', 'summary', 'body', 'field'] as const) if (!v[key].trim()) missing.push(key);
  if (v.sdgs.length === 0) missing.push('sdgs');
  if (!v.language) missing.push('language');
  if (linksOf(v.links).some((l) => !l.title || !l.url)) missing.push('links');
  return missing;
}

export function shareBodyOf(v: PracticeFormValues, asAdmin: boolean): ShareBody {
  const body: ShareBody & { title: string; tags: string[] } = {
    title: v.title.trim(),
    summary: v.summary.trim(),
    body: v.body,
    field: v.field as ShareBody['field'],
    sdgs: v.sdgs,
    tags: tagsOf(v.tags),
    language: v.language as ShareBody['language'],
    actionArea: (v.actionArea || null) as ShareBody['actionArea'],
    outcomes: v.outcomes.trim() || null,
    links: linksOf(v.links),
  };
  if (asAdmin) body.authorCityId = v.authorCityId;
  return body;
}

/**
 * PATCH's body: only what the user changed, with the version it is based on. Sending only the
 * changes leaves alone what others edited meanwhile in fields this user did not touch.
 */
export function patchBodyOf(v: PracticeFormValues, base: Practice, version: number): PatchBody {
  const next = shareBodyOf(v, false) as unknown as Record<string, unknown>;
  const before = shareBodyOf(valuesOf(base), false) as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next)) if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) patch[key] = next[key];
  return { ...(patch as PatchBody), version };
}

export const hasChanges = (patch: PatchBody) => Object.keys(patch).some((k) => k !== 'version');
