import { limitFieldErrors } from './validation.pipe';

describe('limitFieldErrors', () => {
  it('keeps every message of the first 20 fields and counts the rest in the detail', () => {
    const errors = Array.from({ length: 25 }, (_, i) => [
      { field: `f${i}`, message: 'must be a string' },
      { field: `f${i}`, message: 'must not be empty' },
    ]).flat();
    const refused = limitFieldErrors(errors);
    expect(refused.fieldErrors).toHaveLength(40);
    expect(new Set(refused.fieldErrors.map((e) => e.field)).size).toBe(20);
    expect(refused.detail).toBe('25 fields are invalid; the first 20 are listed.');
  });

  it('keeps all errors, without a detail, when 20 fields or fewer are wrong', () => {
    const errors = Array.from({ length: 20 }, (_, i) => ({ field: `f${i}`, message: 'is wrong' }));
    expect(limitFieldErrors(errors)).toMatchObject({ fieldErrors: errors, detail: undefined });
  });
});
