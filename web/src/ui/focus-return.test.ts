import { describe, expect, it } from 'vitest';
import { focusLost, focusReturnTarget, type FocusDocument, type FocusableLike } from './focus-return';

const el = (isConnected = true): FocusableLike => ({ isConnected, focus() {} });

function doc(found: Record<string, FocusableLike | null>, activeElement: unknown = null): FocusDocument {
  const body = {};
  return { activeElement: activeElement === 'body' ? body : activeElement, body, querySelector: (s) => found[s] ?? null };
}

describe('focusReturnTarget: where focus goes when a dialog closes', () => {
  const h1 = el();
  const main = el();
  it('returns to the opener while it is on the page', () => {
    const opener = el();
    expect(focusReturnTarget(opener, () => el(), doc({ 'main h1': h1 }))).toBe(opener);
  });
  it('when the opener is gone: the returnFocus choice first, else the h1, else <main>', () => {
    const chosen = el();
    expect(focusReturnTarget(el(false), () => chosen, doc({ 'main h1': h1 }))).toBe(chosen);
    expect(focusReturnTarget(el(false), () => null, doc({ 'main h1': h1, main }))).toBe(h1);
    expect(focusReturnTarget(null, undefined, doc({ main }))).toBe(main);
  });
  it('knows when focus was lost to <body>', () => {
    const d = doc({}, 'body');
    expect(focusLost(d)).toBe(true);
    expect(focusLost({ ...d, activeElement: el() })).toBe(false);
  });
});
