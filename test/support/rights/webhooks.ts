import type { Right } from '../rights-matrix';

/** The rows of webhooks (src/webhooks); see rights-matrix.ts for what each field means. */
export const webhooksRights: Record<string, Right> = {};
