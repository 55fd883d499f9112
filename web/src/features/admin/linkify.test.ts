import { describe, expect, it } from 'vitest';
import { linkify, mailDocument } from './linkify';

describe('linkify', () => {
  it('makes http(s) links of URLs and leaves sentence punctuation outside', () => {
    expect(linkify('Open http://localhost:3000/accept-invitation?token=abc. Thanks')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://localhost:3000/accept-invitation?token=abc' },
      { kind: 'text', text: '. Thanks' },
    ]);
  });
  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) and mailto:a@b.c')).toEqual([{ kind: 'text', text: 'javascript:alert(1) and mailto:a@b.c' }]);
  });
  it('handles several links and brackets', () => {
    expect(linkify('(https://a.test/x) https://b.test')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', href: 'https://a.test/x' },
      { kind: 'text', text: ') ' },
      { kind: 'link', href: 'https://b.test' },
    ]);
  });
});

describe('mailDocument', () => {
  it('wraps a fragment with a CSP forbidding scripts and links opening in a new tab', () => {
    const doc = mailDocument('<p>Hi</p>');
    expect(doc).toContain("default-src 'none'");
    expect(doc).toContain('<base target="_blank">');
    expect(doc).toContain('<body><p>Hi</p></body>');
  });
  it('puts the same head first in a full document', () => {
    expect(mailDocument('<html><head><title>x</title></head><body></body></html>')).toMatch(/^<html><head><meta charset/);
  });
});
