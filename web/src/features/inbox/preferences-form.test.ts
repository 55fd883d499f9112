import { describe, expect, it } from 'vitest';
import { draftOf, isChanged, saveBody, setGroupReceived, setReceived, TYPE_GROUPS, type Preferences } from './preferences-form';

const saved: Preferences = { email: 'daily', mutedTypes: ['PracticeShared'], createdAt: null, updatedAt: null, version: 3 };

describe('notification preferences form', () => {
  it('mutes and unmutes types, keeping the form order and no repeats', () => {
    let draft = draftOf(saved);
    draft = setReceived(draft, 'ExchangeRequested', false);
    draft = setReceived(draft, 'PartnerInvited', false);
    draft = setReceived(draft, 'PartnerInvited', false);
    expect(draft.muted).toEqual(['PartnerInvited', 'PracticeShared', 'ExchangeRequested']);
    draft = setReceived(draft, 'PracticeShared', true);
    expect(draft.muted).toEqual(['PartnerInvited', 'ExchangeRequested']);
  });

  it('mutes or receives a whole group at once', () => {
    const practices = TYPE_GROUPS.find((g) => g.group === 'practices')!.types;
    const muted = setGroupReceived(draftOf(saved), practices, false);
    expect(muted.muted).toEqual(practices);
    expect(setGroupReceived(muted, practices, true).muted).toEqual([]);
  });

  it('knows when the draft differs from what is saved, and sends the version read', () => {
    const draft = draftOf(saved);
    expect(isChanged(saved, draft)).toBe(false);
    expect(isChanged(saved, { ...draft, email: 'weekly' })).toBe(true);
    expect(isChanged(saved, setReceived(draft, 'PracticeShared', true))).toBe(true);
    expect(saveBody(saved, { ...draft, email: 'off' })).toEqual({ email: 'off', mutedTypes: ['PracticeShared'], version: 3 });
  });

  it('offers every type the API knows', () => {
    expect(TYPE_GROUPS.flatMap((g) => g.types)).toHaveLength(21);
  });
});
