import type { Right } from '../rights-matrix';

/** The rows of mail (src/mail); see rights-matrix.ts for what each field means. */
export const mailRights: Record<string, Right> = {};
