import { describe, expect, it } from 'vitest';
import type { Practice } from './practice-api';
import { emptyPracticeValues, hasChanges, missingFields, patchBodyOf, shareBodyOf, tagsOf, valuesOf } from './practice-form';

const practice: Practice = {
  id: 'p1',
  title: 'Design weeks',
  summary: 'A week of design',
  body: '# Body',
  field: 'design',
  actionArea: null,
  sdgs: [11, 4],
  tags: ['heritage'],
  language: 'en',
  outcomes: null,
  links: [],
  authorCityId: 'bilbao',
  commentCount: 0,
  endorsementCount: 0,
  exchangeCount: 0,
  status: 'published',
  hiddenAt: null,
  hiddenReason: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
};

describe('practice form', () => {
  it('names what is missing, in form order', () => {
    expect(missingFields(emptyPracticeValues(), true)).toEqual(['authorCityId', 'title', 'summary', 'body', 'field', 'sdgs']);
    const half = { ...valuesOf(practice), links: [{ title: 'Site', url: '' }] };
    expect(missingFields(half, false)).toEqual(['links']);
  });

  it('turns typed tags into keywords', () => {
    expect(tagsOf(' Heritage,  open   data ,heritage,, ')).toEqual(['heritage', 'open data']);
  });

  it('shares trimmed values, empty optional ones as null, blank link rows dropped', () => {
    const body = shareBodyOf(
      {
        ...valuesOf(practice),
        title: ' T ',
        links: [
          { title: '', url: ' ' },
          { title: 'Site', url: 'https://x.org ' },
        ],
      },
      false,
    );
    expect(body).toMatchObject({ title: 'T', outcomes: null, actionArea: null, links: [{ title: 'Site', url: 'https://x.org' }] });
    expect(body).not.toHaveProperty('authorCityId');
    expect(shareBodyOf({ ...valuesOf(practice), authorCityId: 'c9' }, true).authorCityId).toBe('c9');
  });

  it('edits only what changed, with the version read', () => {
    const unchanged = patchBodyOf(valuesOf(practice), practice, 3);
    expect(unchanged).toEqual({ version: 3 });
    expect(hasChanges(unchanged)).toBe(false);
    const patch = patchBodyOf({ ...valuesOf(practice), title: 'New', outcomes: 'More' }, practice, 4);
    expect(patch).toEqual({ title: 'New', outcomes: 'More', version: 4 });
    expect(hasChanges(patch)).toBe(true);
  });
});
