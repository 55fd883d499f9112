import type { Recipe } from './recipe';

/** The recipes of network insight (src/insight: statistics, graph, exports, reports). */
export const insightRecipes: Record<string, Recipe> = {};
