import type { Problem } from '../../api/problem';
import type { components } from '../../api/schema';
import type { CreativeField } from '../../ui/FieldBadge';

export type ProposeBody = components['schemas']['ProposeProjectDto'];

/** The form's fields, in form order (ErrorSummary lists them so, the first invalid one gets focus). */
export const PROPOSAL_FIELDS = [
  'leadCityId',
  'title',
  'summary',
  'description',
  'fields',
  'actionAreas',
  'sectors',
  'sdgs',
  'startDate',
  'endDate',
] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

export interface ProposalValues {
  leadCityId: string;
  title: string;
  summary: string;
  description: string;
  fields: CreativeField[];
  actionAreas: ProposeBody['actionAreas'];
  sectors: ProposeBody['sectors'];
  sdgs: number[];
  startDate: string;
  endDate: string;
}

export const emptyProposal = (): ProposalValues => ({
  leadCityId: '',
  title: '',
  summary: '',
  description: '',
  fields: [],
  actionAreas: [],
  sectors: [],
  sdgs: [11], // SDG 11 is the network's anchor: most projects keep it
  startDate: '',
  endDate: '',
});

/** The messages of the checks made before sending (translated by the caller). */
export interface ProposalMessages {
  required: (field: ProposalField) => string;
  chooseOne: (field: ProposalField) => string;
  endBeforeStart: string;
  leadCity: string;
}

/**
 * What the browser can tell before asking the API: the required texts and at least one choice in
 * each list, an end not before the start, and (admins) a lead city. Returned as a problem, like
 * the API's, so both go through the same field mapping. Null when there is nothing to say.
 */
export function checkProposal(values: ProposalValues, messages: ProposalMessages, { needsLeadCity = false } = {}): Problem | null {
  const errors: { field: string; message: string }[] = [];
  if (needsLeadCity && !values.leadCityId) errors.push({ field: 'leadCityId', message: messages.leadCity });
  for (const field of ['title', 'summary'] as const) if (!values[field].trim()) errors.push({ field, message: messages.required(field) });
  for (const field of ['fields', 'actionAreas', 'sectors', 'sdgs'] as const)
    if (values[field].length === 0) errors.push({ field, message: messages.chooseOne(field) });
  if (values.startDate && values.endDate && values.endDate < values.startDate) errors.push({ field: 'endDate', message: messages.endBeforeStart });
  return errors.length ? { title: '', status: 400, errors } : null;
}

/** The request body: trimmed texts, empty optional ones left out, lists in the API's order. */
export function proposalBody(values: ProposalValues, { asAdmin = false } = {}): ProposeBody {
  const body: ProposeBody = {
    title: values.title.trim(),
    summary: values.summary.trim(),
    fields: values.fields,
    actionAreas: values.actionAreas,
    sectors: values.sectors,
    sdgs: [...values.sdgs].sort((a, b) => a - b),
  };
  if (values.description.trim()) body.description = values.description.trim();
  if (values.startDate) body.startDate = values.startDate;
  if (values.endDate) body.endDate = values.endDate;
  if (asAdmin && values.leadCityId) body.leadCityId = values.leadCityId;
  return body;
}

/** Adds or removes one value of a multiple choice, keeping the order of `all`. */
export function toggle<T>(chosen: readonly T[], value: T, all: readonly T[]): T[] {
  const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
  return all.filter((v) => next.includes(v));
}
