import { InputValidationException } from '../common/http/validation.pipe';
import { parseJsonBody } from './body-parsers';

function refusal(text: string): { detail?: string; fields: string[]; messages: string[] } {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof InputValidationException) {
      return { detail: error.detail, fields: error.fieldErrors.map((e) => e.field), messages: error.fieldErrors.map((e) => e.message) };
    }
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
    expect(refusal('   ')).toMatchObject({ detail: 'The request body is empty but its Content-Type says JSON.', fields: ['body'] });
    expect(refusal('{"a":')).toMatchObject({ detail: 'The request body is not valid JSON.', fields: ['body'] });
    expect(refusal('{a:1}').fields).toEqual(['body']);
  });

  it('refuses a body with too many top-level entries before parsing it, with the words inspectInput uses', () => {
    const keys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
    expect(refusal(keys(60_000)).messages).toEqual(['has 60000 fields; at most 100 are accepted']);
    expect(refusal(JSON.stringify(Array(101).fill(0))).messages).toEqual(['has 101 items; at most 100 are accepted']);
    // Nested entries are parsed, so that inspectInput can name the list that is too long beside the other fields.
    expect(parseJsonBody(JSON.stringify({ list: Array(50_000).fill(0) }))).toEqual({ list: Array(50_000).fill(0) });
    expect(parseJsonBody(keys(100))).toEqual(JSON.parse(keys(100)));
  });

  it('keeps prototype keys as own keys, for inspectInput to name (no prototype is touched)', () => {
    const body = parseJsonBody('{"__proto__":{"role":"admin"}}') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });
});
