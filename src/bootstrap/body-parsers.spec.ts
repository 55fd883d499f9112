import { InputValidationException } from '../common/http/validation.pipe';
import { parseJsonBody } from './body-parsers';

function refusal(text: string): { detail?: string; fields: string[] } {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof InputValidationException) return { detail: error.detail, fields: error.fieldErrors.map((e) => e.field) };
    throw error;
  }
  throw new Error(`accepted ${text}`);
}

describe('parseJsonBody', () => {
  it('parses JSON of any type (the validation pipe decides what a route takes), with or without a BOM', () => {
    expect(parseJsonBody('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
    expect(parseJsonBody('null')).toBeNull();
    expect(parseJsonBody('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });

  it('refuses empty and malformed bodies with a 400 on the field "body"', () => {
    expect(refusal('   ')).toEqual({ detail: 'The request body is empty but its Content-Type says JSON.', fields: ['body'] });
    expect(refusal('{"a":')).toEqual({ detail: 'The request body is not valid JSON.', fields: ['body'] });
    expect(refusal('{a:1}').fields).toEqual(['body']);
  });

  it('keeps prototype keys as own keys, for inspectInput to name (no prototype is touched)', () => {
    const body = parseJsonBody('{"__proto__":{"role":"admin"}}') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
