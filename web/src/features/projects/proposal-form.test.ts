import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../api/field-errors';
import { checkProposal, emptyProposal, PROPOSAL_FIELDS, proposalBody, toggle, type ProposalValues } from './proposal-form';

const messages = {
  required: (f: string) => `Enter the ${f}.`,
  chooseOne: (f: string) => `Choose at least one ${f}.`,
  endBeforeStart: 'The end comes before the start.',
  leadCity: 'Choose the lead city.',
};
const valid = (): ProposalValues => ({
  ...emptyProposal(),
  title: '  Guitars of two cities ',
  summary: 'Concerts',
  fields: ['music'],
  actionAreas: ['pilot-projects'],
  sectors: ['public'],
  sdgs: [11, 4],
});

describe('checkProposal: the form → problem mapping before sending', () => {
  it('says nothing about a complete form', () => {
    expect(checkProposal(valid(), messages)).toBeNull();
  });

  it('names every missing field, and the first in form order gets focus', () => {
    const problem = checkProposal({ ...emptyProposal(), sdgs: [] }, messages);
    const errors = fieldErrors(problem, PROPOSAL_FIELDS);
    expect(Object.keys(errors.byField)).toEqual(['title', 'summary', 'fields', 'actionAreas', 'sectors', 'sdgs']);
    expect(errors.first).toBe('title');
    expect(errors.byField.fields).toEqual(['Choose at least one fields.']);
  });

  it('refuses an end date before the start date', () => {
    const problem = checkProposal({ ...valid(), startDate: '2026-05-01', endDate: '2026-04-30' }, messages);
    expect(fieldErrors(problem, PROPOSAL_FIELDS).byField).toEqual({ endDate: ['The end comes before the start.'] });
  });

  it('asks an admin for the lead city', () => {
    const problem = checkProposal(valid(), messages, { needsLeadCity: true });
    expect(fieldErrors(problem, PROPOSAL_FIELDS).first).toBe('leadCityId');
  });

  it('maps the API’s own errors (nested paths) onto the same fields', () => {
    const errors = fieldErrors(
      {
        title: 'Bad',
        status: 400,
        errors: [
          { field: 'sdgs[1]', message: 'not an SDG' },
          { field: 'x', message: 'unknown' },
        ],
      },
      PROPOSAL_FIELDS,
    );
    expect(errors.byField).toEqual({ sdgs: ['not an SDG'] });
    expect(errors.other).toEqual(['x: unknown']);
  });
});

describe('proposalBody', () => {
  it('trims, leaves out empty optional values, sorts SDGs', () => {
    expect(proposalBody(valid())).toEqual({
      title: 'Guitars of two cities',
      summary: 'Concerts',
      fields: ['music'],
      actionAreas: ['pilot-projects'],
      sectors: ['public'],
      sdgs: [4, 11],
    });
  });
  it('sends the lead city for an admin only, and the dates when given', () => {
    const values = { ...valid(), leadCityId: 'c1', startDate: '2026-03-01', description: ' More ' };
    expect(proposalBody(values)).not.toHaveProperty('leadCityId');
    expect(proposalBody(values, { asAdmin: true })).toMatchObject({ leadCityId: 'c1', startDate: '2026-03-01', description: 'More' });
  });
});

describe('toggle', () => {
  it('adds and removes, in the order of the choices', () => {
    expect(toggle(['b'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', ['a', 'b', 'c'])).toEqual(['b']);
  });
});
