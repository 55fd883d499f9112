import * as exchangeEvents from './exchange-events';
import { EXCHANGE_EVENTS, ExchangeCancelled, ExchangeCompleted, ExchangeRequested } from './exchange-events';
import { PRACTICE_EVENTS } from './events';
import * as practiceEvents from './practice-events';
import { CommentHidden, PRACTICE_AGGREGATE_EVENTS, PracticeCommented, PracticeShared, PracticeUpdated } from './practice-events';

const base = { practiceId: 'pr-1', title: 'Design weeks', authorCityId: 'sevilla', field: 'design' };
const exchangeBase = {
  exchangeId: 'ex-1',
  practiceId: 'pr-1',
  practiceTitle: 'Design weeks',
  hostCityId: 'sevilla',
  requesterCityId: 'lliria',
  format: 'online',
};

describe('practice and exchange events', () => {
  it('are listed once each, every exported class under its own type name and aggregate', () => {
    const types = PRACTICE_EVENTS.map((e) => e.type);
    expect(new Set(types).size).toBe(16);
    for (const [module, list, aggregate] of [
      [practiceEvents, PRACTICE_AGGREGATE_EVENTS, 'practice'],
      [exchangeEvents, EXCHANGE_EVENTS, 'exchange'],
    ] as const) {
      const exported = Object.entries(module).filter(([, value]) => (list as readonly unknown[]).includes(value));
      expect(exported.map(([name]) => name).sort()).toEqual(list.map((e) => e.type).sort());
      for (const [name, cls] of exported) {
        const event = cls as (typeof list)[number];
        expect({ type: event.type, aggregateType: event.aggregateType, name: event.name }).toEqual({ type: name, aggregateType: aggregate, name });
      }
    }
  });

  it('accept well-formed payloads', () => {
    const shared = { ...base, summary: 'Shops for designers', actionArea: null, sdgs: [11], tags: ['heritage'], language: 'es' };
    expect(PracticeShared.schema.parse(shared)).toEqual(shared);
    expect(() => PracticeUpdated.schema.parse({ ...base, changes: { actionArea: null, outcomes: null, links: [] } })).not.toThrow();
    expect(() => PracticeCommented.schema.parse({ ...base, commentId: 'c', commentAuthorCityId: null, text: 'Hi', commentCount: 1 })).not.toThrow();
    expect(() =>
      ExchangeRequested.schema.parse({ ...exchangeBase, message: 'Hi', proposedDates: { from: '2026-05-01', to: '2026-05-02' } }),
    ).not.toThrow();
  });

  it.each<[string, { schema: { safeParse(value: unknown): { success: boolean } } }, object]>([
    ['a missing field', PracticeUpdated, { ...base, field: undefined, changes: {} }],
    ['an unknown key', PracticeUpdated, { ...base, changes: {}, status: 'hidden' }],
    ['an unknown key in changes', PracticeUpdated, { ...base, changes: { status: 'hidden' } }],
    ['an unknown language', PracticeShared, { ...base, summary: 's', actionArea: null, sdgs: [], tags: [], language: 'de' }],
    ['a missing comment author (null is required instead)', PracticeCommented, { ...base, commentId: 'c', text: 'Hi', commentCount: 1 }],
    ['a negative count', CommentHidden, { ...base, commentId: 'c', commentAuthorCityId: 'lliria', reason: 'Rude', commentCount: -1 }],
    ['missing proposed dates (null is required instead)', ExchangeRequested, { ...exchangeBase, message: 'Hi' }],
    ['an unknown format', ExchangeRequested, { ...exchangeBase, format: 'holiday', message: 'Hi', proposedDates: null }],
    ['a closed previous status', ExchangeCancelled, { ...exchangeBase, reason: null, previousStatus: 'completed' }],
    ['a rating out of range', ExchangeCompleted, { ...exchangeBase, feedback: 'Good', rating: 6 }],
  ])('refuse %s', (_, event, payload) => {
    expect(event.schema.safeParse(payload).success).toBe(false);
  });
});
