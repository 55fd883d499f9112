import type { Right } from '../rights-matrix';

/** The rows of network insight (src/insight); see rights-matrix.ts for what each field means. */
export const insightRights: Record<string, Right> = {};
