import { describe, expect, it } from 'vitest';
import { reportPath } from './download';

describe('reportPath', () => {
  it('names the period only when chosen', () => {
    expect(reportPath('c 1', {}, 'es', 'csv')).toBe('/api/v1/cities/c%201/report?lang=es&format=csv');
    expect(reportPath('c1', { from: '2026-01-01', to: '2026-03-31' }, 'en', 'html')).toBe(
      '/api/v1/cities/c1/report?from=2026-01-01&to=2026-03-31&lang=en&format=html',
    );
  });
});
