import { controlCharacterIn, WITHOUT_CONTROL_CHARACTERS } from './text';

describe('control characters', () => {
  it('finds NUL, escape, DEL and C1 controls, not tabs, line breaks, accents or bidi marks', () => {
    expect(controlCharacterIn('Llíria\u0000')).toBe('U+0000');
    expect(controlCharacterIn('a\u001b[31m')).toBe('U+001B');
    expect(controlCharacterIn('a\u007f')).toBe('U+007F');
    expect(controlCharacterIn('a\u0085b')).toBe('U+0085');
    expect(controlCharacterIn('line one\r\nline\ttwo — Llíria, 東京 🎉 \u200f\u2067مرحبا\u2069')).toBeNull();
  });

  it('gives class-validator a pattern for whole texts', () => {
    expect(WITHOUT_CONTROL_CHARACTERS.test('Ana María\nO’Neil')).toBe(true);
    expect(WITHOUT_CONTROL_CHARACTERS.test('Ana\u0000')).toBe(false);
    expect(WITHOUT_CONTROL_CHARACTERS.test('\u0007')).toBe(false);
  });
});
