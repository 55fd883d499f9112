import type { Right } from '../rights-matrix';

const EXPORTS = ['cities', 'projects', 'practices'].flatMap((dataset) => ['csv', 'json', 'ndjson'].map((format) => `${dataset}.${format}`));

/** The rows of network insight (src/insight); see rights-matrix.ts for what each field means. */
export const insightRights: Record<string, Right> = {
  // Statistics, the graph and the open-data exports are public (hidden practices never in them).
  'GET /api/v1/stats': { access: 'public', call: () => ({}) },
  'GET /api/v1/network/graph': { access: 'public', call: () => ({ query: 'region=europe-north-america' }) },
  ...Object.fromEntries(EXPORTS.map((file): [string, Right] => [`GET /api/v1/exports/${file}`, { access: 'public', call: () => ({}) }])),
  // A city's report: its users and admins (GetCityReportHandler), 401 for anonymous (@Authenticated).
  'GET /api/v1/cities/{id}/report': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => ({ params: { id: w.a.cityId } }) },
};
