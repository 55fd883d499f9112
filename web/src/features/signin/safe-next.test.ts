import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext: where sign-in returns to', () => {
  it('keeps a path of this app, refuses other sites', () => {
    expect(safeNext('/projects/p1?tab=updates')).toBe('/projects/p1?tab=updates');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
