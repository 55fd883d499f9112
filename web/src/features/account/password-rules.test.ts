import { describe, expect, it } from 'vitest';
import { newPasswordIssues, tokenOf } from './password-rules';

describe('newPasswordIssues', () => {
  it('asks for both fields when empty', () => {
    expect(newPasswordIssues('', '')).toEqual({ password: 'missing', confirm: 'missingConfirm' });
  });
  it('refuses fewer than 10 characters, counting characters not UTF-16 units', () => {
    expect(newPasswordIssues('short', 'short')).toEqual({ password: 'tooShort' });
    expect(newPasswordIssues('🎵🎵🎵🎵🎵', '🎵🎵🎵🎵🎵')).toEqual({ password: 'tooShort' });
    expect(newPasswordIssues('exactly-10', 'exactly-10')).toEqual({});
  });
  it('says when the confirmation differs', () => {
    expect(newPasswordIssues('a-long-password', 'a-long-passw0rd')).toEqual({ confirm: 'mismatch' });
  });
});

describe('tokenOf', () => {
  it('reads the token, or null when absent or blank', () => {
    expect(tokenOf(new URLSearchParams('token=abc'))).toBe('abc');
    expect(tokenOf(new URLSearchParams('token=%20'))).toBeNull();
    expect(tokenOf(new URLSearchParams(''))).toBeNull();
  });
});
