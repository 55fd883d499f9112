import type { Recipe } from './recipe';

/** The recipes of webhooks (src/webhooks). */
export const webhooksRecipes: Record<string, Recipe> = {};
