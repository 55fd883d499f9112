import { describe, expect, it } from 'vitest';
import { conflictKey } from './conflict-message';

const problem = (code?: string) => ({ title: 'Conflict', status: 409, code });

describe('conflictKey: a 409 in plain words', () => {
  it('follows the API’s rule code', () => {
    expect(conflictKey('accept', problem('project.no-invitation'))).toBe('answered');
    expect(conflictKey('invite', problem('project.partner-already-invited'))).toBe('alreadyInvited');
    expect(conflictKey('start', problem('project.no-accepted-partner'))).toBe('noPartner');
    expect(conflictKey('approve', problem('project.finished'))).toBe('finished');
  });
  it('falls back on the action, then on "changed"', () => {
    expect(conflictKey('decline', problem())).toBe('answered');
    expect(conflictKey('reject', null)).toBe('requestAnswered');
    expect(conflictKey('start', problem('something.new'))).toBe('changed');
  });
});
