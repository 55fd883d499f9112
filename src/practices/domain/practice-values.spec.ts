import { InvalidInputError } from '@app/domain';
import { calendarDate, httpUrl, linkList, normalizeTag, rating, tagList } from './practice-values';

const invalidField = (command: () => unknown): string | undefined => {
  try {
    command();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.field;
    throw error;
  }
  return undefined;
};

describe('practice values', () => {
  it.each(['https://example.org', 'http://localhost:8080/a?b=c#d', 'https://münchen.de/ä'])('takes the http(s) URL %s', (url) => {
    expect(httpUrl('url', ` ${url} `)).toBe(url);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', '/relative', 'example.org', 'https://', 'https://exa mple.org', '', 42])(
    'refuses %j as a URL',
    (url) => {
      expect(invalidField(() => httpUrl('links.0.url', url))).toBe('links.0.url');
    },
  );

  it('normalizes tags to lower-case keywords, duplicates dropped', () => {
    expect(tagList('tags', ['  Young   Designers ', 'young designers', 'Heritage'])).toEqual(['young designers', 'heritage']);
    expect(normalizeTag(' ÉTÉ  Culturel ')).toBe('été culturel');
    expect(invalidField(() => tagList('tags', ['ok', 7]))).toBe('tags.1');
  });

  it('takes no links as none and names the bad link', () => {
    expect(linkList('links', null)).toEqual([]);
    expect(invalidField(() => linkList('links', [{ title: 'ok', url: 'https://a.org' }, null]))).toBe('links.1');
  });

  it('checks real calendar dates and ratings from 1 to 5', () => {
    expect(calendarDate('from', '2024-02-29')).toBe('2024-02-29');
    expect(invalidField(() => calendarDate('from', '2023-02-29'))).toBe('from');
    expect(invalidField(() => calendarDate('from', '2024-02-29T10:00:00Z'))).toBe('from');
    expect(rating('rating', 1)).toBe(1);
    for (const bad of [0, 6, 2.5, '3', null]) expect(invalidField(() => rating('rating', bad))).toBe('rating');
  });
});
