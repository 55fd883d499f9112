import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors';

const FORM = ['name', 'country', 'location', 'partners'] as const;

describe('fieldErrors: problem+json errors[] → form fields', () => {
  it('puts each error next to the field it names, in form order, and names the first invalid field', () => {
    const result = fieldErrors(
      {
        title: 'Invalid input',
        status: 400,
        errors: [
          { field: 'country', message: 'country must be an ISO 3166-1 alpha-2 code' },
          { field: 'name', message: 'name is required' },
          { field: 'name', message: 'name is at most 120 characters' },
        ],
      },
      FORM,
    );
    expect(result.byField).toEqual({
      country: ['country must be an ISO 3166-1 alpha-2 code'],
      name: ['name is required', 'name is at most 120 characters'],
    });
    expect(result.first).toBe('name');
    expect(result.other).toEqual([]);
  });

  it('maps nested paths (dots and brackets) to the form field that owns them', () => {
    const result = fieldErrors(
      {
        title: 'Invalid input',
        status: 400,
        errors: [
          { field: 'location.lat', message: 'lat must be between -90 and 90' },
          { field: 'partners[0].cityId', message: 'unknown city' },
        ],
      },
      FORM,
    );
    expect(result.byField).toEqual({ location: ['lat must be between -90 and 90'], partners: ['unknown city'] });
  });

  it('keeps what names no field of the form, with its field, for the summary', () => {
    const result = fieldErrors(
      { title: 'Invalid input', status: 400, errors: [{ field: 'website', message: 'must be a URL' }, { message: 'body is too deep' }] },
      FORM,
    );
    expect(result.byField).toEqual({});
    expect(result.other).toEqual(['website: must be a URL', 'body is too deep']);
    expect(result.first).toBeNull();
  });

  it('gives the detail of a problem without errors[] (a 409, a 403) as a message of no field', () => {
    const result = fieldErrors({ title: 'Conflict', status: 409, detail: 'Llíria has already answered' }, FORM);
    expect(result.other).toEqual(['Llíria has already answered']);
    expect(fieldErrors({ title: 'Forbidden', status: 403 }, FORM).other).toEqual(['Forbidden']);
  });

  it('is empty without a problem', () => {
    expect(fieldErrors(null, FORM)).toEqual({ byField: {}, other: [], first: null });
  });
});
