import type { Right } from '../rights-matrix';

/** The rows of accounts (src/auth); see rights-matrix.ts for what each field means. */
export const accountsRights: Record<string, Right> = {};
