import type { components } from '../../api/schema';

export const EXCHANGE_FORMATS = ['online', 'study-visit', 'mentoring', 'staff-exchange'] as const;
export const EXCHANGE_FIELDS = ['format', 'message', 'proposedDates.from', 'proposedDates.to'] as const;

export interface ExchangeRequestValues {
  format: string;
  message: string;
  from: string;
  to: string;
}

export const emptyExchangeRequest: ExchangeRequestValues = { format: '', message: '', from: '', to: '' };

type Problem = { field: (typeof EXCHANGE_FIELDS)[number]; key: string };

/** What to fix before sending: format and message are needed; dates go in pairs, the end not before the start. */
export function exchangeRequestProblems(v: ExchangeRequestValues): Problem[] {
  const problems: Problem[] = [];
  if (!v.format) problems.push({ field: 'format', key: 'missingFormat' });
  if (!v.message.trim()) problems.push({ field: 'message', key: 'missingMessage' });
  if (v.from && !v.to) problems.push({ field: 'proposedDates.to', key: 'missingTo' });
  if (v.to && !v.from) problems.push({ field: 'proposedDates.from', key: 'missingFrom' });
  if (v.from && v.to && v.to < v.from) problems.push({ field: 'proposedDates.to', key: 'toBeforeFrom' });
  return problems;
}

export function exchangeRequestBody(v: ExchangeRequestValues): components['schemas']['RequestExchangeDto'] {
  return {
    format: v.format as components['schemas']['RequestExchangeDto']['format'],
    message: v.message.trim(),
    ...(v.from && v.to ? { proposedDates: { from: v.from, to: v.to } } : {}),
  };
}
