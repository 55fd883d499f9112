import { renderNotification } from './notification-text';
import { recipientsOf } from './recipients';
import { practiceEvent } from './testing/practice-event';

const practice = { practiceId: 'pr1', title: 'Design weeks', authorCityId: 'bilbao', field: 'design' as const };
const exchange = {
  exchangeId: 'ex1',
  practiceId: 'pr1',
  practiceTitle: 'Design weeks',
  hostCityId: 'bilbao',
  requesterCityId: 'sevilla',
  format: 'study-visit' as const,
};
const comment = { ...practice, commentId: 'c1', commentAuthorCityId: 'valencia' };
const names = (id: string) => ({ bilbao: 'Bilbao', sevilla: 'Sevilla', valencia: 'Valencia' })[id] ?? 'A partner city';

describe('recipients of practice and exchange events (SPEC §4)', () => {
  it('PracticeShared → every city of the same creative field but the author', () => {
    const shared = practiceEvent('PracticeShared', { ...practice, summary: 's', actionArea: null, sdgs: [11], tags: [], language: 'es' });
    expect(recipientsOf(shared)).toEqual({ kind: 'field', field: 'design', exceptCityIds: ['bilbao'] });
  });

  it('PracticeEndorsed / PracticeCommented → the author city, not a city commenting on its own practice', () => {
    expect(recipientsOf(practiceEvent('PracticeEndorsed', { ...practice, cityId: 'sevilla', endorsementCount: 1 }))).toEqual({
      kind: 'cities',
      cityIds: ['bilbao'],
    });
    expect(recipientsOf(practiceEvent('PracticeCommented', { ...comment, text: 'Nice', commentCount: 1 }))).toEqual({
      kind: 'cities',
      cityIds: ['bilbao'],
    });
    const own = practiceEvent('PracticeCommented', { ...comment, commentAuthorCityId: 'bilbao', text: 'Thanks', commentCount: 2 });
    expect(recipientsOf(own)).toEqual({ kind: 'cities', cityIds: [] });
  });

  it('PracticeHidden → the author city; CommentHidden → the city that wrote the comment, both with the reason', () => {
    const hidden = practiceEvent('PracticeHidden', { ...practice, reason: 'Copied' });
    expect(recipientsOf(hidden)).toEqual({ kind: 'cities', cityIds: ['bilbao'] });
    expect(renderNotification(hidden, 'bilbao', names)).toMatchObject({
      body: expect.stringContaining('Copied'),
      link: { kind: 'practice', id: 'pr1' },
    });
    const commentHidden = practiceEvent('CommentHidden', { ...comment, reason: 'Advertising', commentCount: 0 });
    expect(recipientsOf(commentHidden)).toEqual({ kind: 'cities', cityIds: ['valencia'] });
    expect(renderNotification(commentHidden, 'valencia', names).body).toContain('Advertising');
  });

  it('ExchangeRequested → the host; accepted or declined → the requester; cancelled or completed → the host', () => {
    const requested = practiceEvent('ExchangeRequested', { ...exchange, message: 'May we visit?', proposedDates: null });
    expect(recipientsOf(requested)).toEqual({ kind: 'cities', cityIds: ['bilbao'] });
    expect(renderNotification(requested, 'bilbao', names)).toEqual({
      title: 'Sevilla asks for a study visit on “Design weeks”',
      body: 'Sevilla writes: “May we visit?”',
      link: { kind: 'exchange', id: 'ex1' },
    });
    expect(recipientsOf(practiceEvent('ExchangeAccepted', { ...exchange, message: null }))).toEqual({ kind: 'cities', cityIds: ['sevilla'] });
    expect(recipientsOf(practiceEvent('ExchangeDeclined', { ...exchange, message: 'Not now' }))).toEqual({ kind: 'cities', cityIds: ['sevilla'] });
    expect(recipientsOf(practiceEvent('ExchangeCancelled', { ...exchange, reason: null, previousStatus: 'accepted' }))).toEqual({
      kind: 'cities',
      cityIds: ['bilbao'],
    });
    const completed = practiceEvent('ExchangeCompleted', { ...exchange, feedback: 'Very useful', rating: 5 });
    expect(recipientsOf(completed)).toEqual({ kind: 'cities', cityIds: ['bilbao'] });
    expect(renderNotification(completed, 'bilbao', names).body).toBe('Rating 5/5: “Very useful”');
  });

  it('notifies nobody of endorsements withdrawn, edits and reports', () => {
    expect(recipientsOf(practiceEvent('PracticeEndorsementWithdrawn', { ...practice, cityId: 'sevilla', endorsementCount: 0 }))).toEqual({
      kind: 'cities',
      cityIds: [],
    });
    expect(recipientsOf(practiceEvent('PracticeUpdated', { ...practice, changes: { summary: 'new' } }))).toEqual({ kind: 'cities', cityIds: [] });
  });
});
