import { describe, expect, it } from 'vitest';
import { timelineText } from './timeline-text';

const names: Record<string, string> = { s: 'Sevilla', l: 'Llíria' };
const cityName = (id: string) => names[id] ?? id;
const at = '2026-01-01T00:00:00.000Z';

describe('timelineText', () => {
  it('names the cities an event is about', () => {
    const entry = timelineText(
      { seq: 4, type: 'InvitationAccepted', at, projectId: 'p', data: { leadCityId: 's', cityId: 'l', title: 'T' } },
      cityName,
    );
    expect(entry.key).toBe('InvitationAccepted');
    expect(entry.values).toMatchObject({ lead: 'Sevilla', city: 'Llíria', title: 'T' });
  });
  it('keeps the text of an update and the reason of a cancellation', () => {
    expect(
      timelineText({ seq: 5, type: 'ProjectUpdatePosted', at, data: { authorCityId: 'l', text: 'First rehearsal' } }, cityName).values,
    ).toMatchObject({
      author: 'Llíria',
      text: 'First rehearsal',
    });
    expect(timelineText({ seq: 6, type: 'ProjectCancelled', at, data: { reason: 'No funds' } }, cityName).values.reason).toBe('No funds');
  });
  it('says "other" for an event type it does not know yet', () => {
    expect(timelineText({ seq: 7, type: 'ProjectArchived', at, data: null }, cityName).key).toBe('other');
  });
});
