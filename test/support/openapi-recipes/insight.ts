import type { Recipe } from './recipe';

const EXPORTS = ['cities', 'projects', 'practices'].flatMap((dataset) => ['csv', 'json', 'ndjson'].map((format) => `${dataset}.${format}`));

/** The recipes of network insight (src/insight: statistics, graph, exports, reports). */
export const insightRecipes: Record<string, Recipe> = {
  'GET /api/v1/stats': async (w) => ({ as: w.api, path: '/stats' }),
  'GET /api/v1/network/graph': async (w) => ({ as: w.api, path: '/network/graph?field=music' }),
  ...Object.fromEntries(
    EXPORTS.map((file): [string, Recipe] => [`GET /api/v1/exports/${file}`, async (w) => ({ as: w.api, path: `/exports/${file}` })]),
  ),
  'GET /api/v1/cities/{id}/report': async (w) => ({ as: w.a.api, path: `/cities/${w.a.cityId}/report?lang=es` }),
};
