import type { Recipe } from './recipe';

/** The recipes of mail (src/mail: development mailbox, digests, unsubscribe). */
export const mailRecipes: Record<string, Recipe> = {};
