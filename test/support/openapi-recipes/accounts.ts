import type { Recipe } from './recipe';

/** The recipes of accounts (src/auth: invitations, password reset and change, logout, users). */
export const accountsRecipes: Record<string, Recipe> = {};
