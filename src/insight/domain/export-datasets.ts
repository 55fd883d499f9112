import type { InsightCity, InsightPractice, InsightProject } from '../persistence/read-model-documents';

/**
 * The open-data exports (`GET /exports/{cities,projects,practices}.{csv,json,ndjson}`): one row per
 * city, project or published practice, in a fixed column order (the CSV header, the JSON keys),
 * rows by id. Hidden practices are left out; practices carry no body (no event carries it whole:
 * the read model keeps title and summary; the text is at `GET /practices/:id`).
 */
export const EXPORT_DATASETS = ['cities', 'projects', 'practices'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export const CITY_COLUMNS = [
  'id',
  'name',
  'slug',
  'country',
  'region',
  'field',
  'designationYear',
  'languages',
  'lat',
  'lng',
  'website',
  'description',
  'registeredAt',
] as const;

export const PROJECT_COLUMNS = [
  'id',
  'title',
  'summary',
  'status',
  'fields',
  'actionAreas',
  'sectors',
  'sdgs',
  'leadCityId',
  'leadCityName',
  'partnerCityIds',
  'startDate',
  'endDate',
  'proposedAt',
  'updatedAt',
] as const;

export const PRACTICE_COLUMNS = [
  'id',
  'title',
  'summary',
  'field',
  'actionArea',
  'sdgs',
  'tags',
  'language',
  'authorCityId',
  'authorCityName',
  'endorsementCount',
  'sharedAt',
  'updatedAt',
] as const;

export const EXPORT_COLUMNS: Record<ExportDataset, readonly string[]> = {
  cities: CITY_COLUMNS,
  projects: PROJECT_COLUMNS,
  practices: PRACTICE_COLUMNS,
};

export type Row = Record<string, string | number | null | (string | number)[]>;
const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export const cityRow = (c: InsightCity): Row => ({
  id: c._id,
  name: c.name,
  slug: c.slug,
  country: c.country,
  region: c.region,
  field: c.field,
  designationYear: c.designationYear,
  languages: [...(c.languages ?? [])],
  lat: c.lat ?? null,
  lng: c.lng ?? null,
  website: c.website ?? null,
  description: c.description ?? null,
  registeredAt: iso(c.registeredAt),
});

export const projectRow = (p: InsightProject, cityName: (id: string) => string | null): Row => ({
  id: p._id,
  title: p.title,
  summary: p.summary,
  status: p.status,
  fields: [...p.fields],
  actionAreas: [...p.actionAreas],
  sectors: [...p.sectors],
  sdgs: [...p.sdgs],
  leadCityId: p.leadCityId,
  leadCityName: cityName(p.leadCityId),
  partnerCityIds: [...p.partnerIds],
  startDate: p.startDate ?? null,
  endDate: p.endDate ?? null,
  proposedAt: iso(p.proposedAt),
  updatedAt: iso(p.updatedAt),
});

export const practiceRow = (p: InsightPractice, cityName: (id: string) => string | null): Row => ({
  id: p._id,
  title: p.title,
  summary: p.summary,
  field: p.field,
  actionArea: p.actionArea ?? null,
  sdgs: [...p.sdgs],
  tags: [...p.tags],
  language: p.language,
  authorCityId: p.authorCityId,
  authorCityName: cityName(p.authorCityId),
  endorsementCount: p.endorsementCount,
  sharedAt: iso(p.sharedAt),
  updatedAt: iso(p.updatedAt),
});
