import { InvalidInputError } from '@app/domain';
import { isSdg } from '../../shared/reference-data';
import { assertDateRange, calendarDate, optionalText, referenceList, requiredId, requiredText } from './project-values';

function invalid(check: () => unknown): InvalidInputError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

describe('project values', () => {
  it('trims required texts and refuses blank, non-text or too long ones, naming the field', () => {
    expect(requiredText('title', '  Jazz  ', 10)).toBe('Jazz');
    expect(invalid(() => requiredText('title', ' ', 10))).toMatchObject({ field: 'title', code: 'invalid-input' });
    expect(invalid(() => requiredText('title', 7, 10)).field).toBe('title');
    expect(invalid(() => requiredText('title', 'x'.repeat(11), 10)).message).toBe('title must be at most 10 characters long');
    expect(invalid(() => requiredText('title', 'Jazz\u0000', 10)).message).toBe('title must not contain control characters (found U+0000)');
    expect(invalid(() => optionalText('description', 'a\u001bb', 10)).field).toBe('description');
    expect(requiredText('summary', 'Line one\nLine\ttwo', 20)).toBe('Line one\nLine\ttwo');
  });

  it('reads undefined, null and blank optional texts as none', () => {
    expect([undefined, null, '', '  '].map((v) => optionalText('message', v, 10))).toEqual([null, null, null, null]);
    expect(optionalText('message', ' Hi ', 10)).toBe('Hi');
    expect(invalid(() => optionalText('message', {}, 10)).field).toBe('message');
  });

  it('keeps reference lists in order without duplicates, and names the first unknown id', () => {
    expect(referenceList('sdgs', [11, 4, 11], isSdg, 'SDG')).toEqual([11, 4]);
    expect(invalid(() => referenceList('sdgs', [11, 99], isSdg, 'SDG')).message).toBe('sdgs: 99 is not a known SDG');
    expect(invalid(() => referenceList('sdgs', [], isSdg, 'SDG')).message).toBe('sdgs must list at least one SDG');
    expect(invalid(() => referenceList('sdgs', null, isSdg, 'SDG')).field).toBe('sdgs');
  });

  it('reads calendar dates, keeping the written day of a date-time', () => {
    expect(calendarDate('startDate', '2024-02-29')).toBe('2024-02-29');
    expect(calendarDate('startDate', '2025-03-01T23:30:00-05:00')).toBe('2025-03-01');
    expect(calendarDate('startDate', '2025-03-01T00:00:00.000Z')).toBe('2025-03-01');
    expect([undefined, null, ''].map((v) => calendarDate('startDate', v))).toEqual([null, null, null]);
  });

  it.each(['2025-02-29', '2025-04-31', '2025-00-10', '25-03-01', '2025-3-1', '2025-03-01Tnoon', 'tomorrow'])('refuses the date %s', (value) => {
    expect(invalid(() => calendarDate('startDate', value)).field).toBe('startDate');
  });

  it('refuses a non-string date', () => {
    expect(invalid(() => calendarDate('endDate', 20250301)).field).toBe('endDate');
  });

  it('refuses an end before the start, on endDate', () => {
    expect(() => assertDateRange('2025-03-01', '2025-03-01')).not.toThrow();
    expect(() => assertDateRange(null, '2025-03-01')).not.toThrow();
    expect(() => assertDateRange('2025-03-01', null)).not.toThrow();
    expect(invalid(() => assertDateRange('2025-03-01', '2025-02-28'))).toMatchObject({
      field: 'endDate',
      message: 'endDate (2025-02-28) must not be before startDate (2025-03-01)',
    });
  });

  it('trims ids and refuses blank ones', () => {
    expect(requiredId('cityId', ' lliria ')).toBe('lliria');
    expect(invalid(() => requiredId('cityId', '')).field).toBe('cityId');
    expect(invalid(() => requiredId('cityId', undefined)).field).toBe('cityId');
  });
});
