import { describe, expect, it } from 'vitest';
import { emptyExchangeRequest, exchangeRequestBody, exchangeRequestProblems } from './exchange-request';

describe('asking for an exchange', () => {
  it('needs a format and a message', () => {
    expect(exchangeRequestProblems(emptyExchangeRequest).map((p) => p.field)).toEqual(['format', 'message']);
  });

  it('takes dates in pairs, the end not before the start', () => {
    const base = { format: 'online', message: 'Hello' };
    expect(exchangeRequestProblems({ ...base, from: '2026-05-04', to: '' })).toEqual([{ field: 'proposedDates.to', key: 'missingTo' }]);
    expect(exchangeRequestProblems({ ...base, from: '', to: '2026-05-04' })).toEqual([{ field: 'proposedDates.from', key: 'missingFrom' }]);
    expect(exchangeRequestProblems({ ...base, from: '2026-05-08', to: '2026-05-04' })).toEqual([{ field: 'proposedDates.to', key: 'toBeforeFrom' }]);
    expect(exchangeRequestProblems({ ...base, from: '2026-05-04', to: '2026-05-04' })).toEqual([]);
  });

  it('sends the dates only when both are given', () => {
    expect(exchangeRequestBody({ format: 'mentoring', message: ' Hi ', from: '', to: '' })).toEqual({ format: 'mentoring', message: 'Hi' });
    expect(exchangeRequestBody({ format: 'online', message: 'Hi', from: '2026-05-04', to: '2026-05-08' }).proposedDates).toEqual({
      from: '2026-05-04',
      to: '2026-05-08',
    });
  });
});
