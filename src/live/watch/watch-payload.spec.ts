import { parseUnwatch, parseWatch } from './watch-payload';

describe('project:watch payload', () => {
  it('accepts a project id with or without sinceSeq', () => {
    expect(parseWatch('projectId', { projectId: 'p1' })).toEqual({ ok: true, value: { id: 'p1' } });
    expect(parseWatch('projectId', { projectId: 'p1', sinceSeq: 0 })).toEqual({ ok: true, value: { id: 'p1', sinceSeq: 0 } });
  });

  it.each([
    [undefined, 'invalid payload'],
    ['p1', 'invalid payload'],
    [{}, 'projectId'],
    [{ projectId: '' }, 'projectId is required'],
    [{ projectId: 'p1', sinceSeq: -1 }, 'sinceSeq must be >= 0'],
    [{ projectId: 'p1', sinceSeq: 1.5 }, 'sinceSeq must be an integer'],
    [{ projectId: 'p1', sinceSeq: '3' }, 'sinceSeq'],
    [{ projectId: 'p1', extra: true }, 'extra'],
  ])('refuses %j with a message naming the problem', (body, fragment) => {
    const parsed = parseWatch('projectId', body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(fragment);
  });

  it('checks unwatch the same way', () => {
    expect(parseUnwatch('projectId', { projectId: 'p1' })).toEqual({ ok: true, value: { id: 'p1' } });
    expect(parseUnwatch('projectId', { projectId: 'p1', sinceSeq: 1 }).ok).toBe(false);
  });

  it('reads practice:watch by its practiceId', () => {
    expect(parseWatch('practiceId', { practiceId: 'x1', sinceSeq: 4 })).toEqual({ ok: true, value: { id: 'x1', sinceSeq: 4 } });
    expect(parseWatch('practiceId', { projectId: 'x1' })).toMatchObject({ ok: false, error: expect.stringContaining('practiceId') });
  });
});
