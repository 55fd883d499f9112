import type { components } from '../../api/schema';

type ProposeBody = components['schemas']['ProposeProjectDto'];

/** The API's values (SPEC §1), in the order forms and filters list them; labels are in the locales. */
export const ACTION_AREAS: ProposeBody['actionAreas'] = [
  'experience-exchange',
  'pilot-projects',
  'professional-exchange',
  'research',
  'urban-policy',
  'communication',
];
export const SECTORS: ProposeBody['sectors'] = ['public', 'private', 'civil-society'];
export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);
export const STATUSES = ['proposed', 'active', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof STATUSES)[number];
