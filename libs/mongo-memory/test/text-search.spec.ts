import type { Collection, Document } from 'mongodb';
import { rejection, startTarget, type Target } from './harness';

/**
 * Language-aware $text as a real server (text index version 3) does it: Snowball stemming and
 * MongoDB's stop words per document language, case and diacritic folding, phrases, negations,
 * language overrides and textScore. Runs unchanged against a real server with MONGODB_URI.
 */

let t: Target;
beforeAll(async () => {
  t = await startTarget('text');
});
afterAll(() => t.close());

const fresh = async (name: string): Promise<Collection<any>> => {
  await t.db
    .collection(name)
    .drop()
    .catch(() => undefined);
  return t.db.collection(name);
};

/** The $text clause as sent: typed loosely, some tests send what the driver's types forbid. */
const textFilter = (text: Document, filter: Document = {}): Document => ({ ...filter, $text: text });

const ids = async (c: Collection<any>, text: Document, filter: Document = {}) =>
  (await c.find(textFilter(text, filter)).toArray()).map((d) => d._id as number).sort((a, b) => a - b);

/** The shape of the best-practices index: four weighted fields, English by default, per-document language. */
const PRACTICE_INDEX = {
  weights: { title: 10, tags: 5, summary: 3, body: 1 },
  default_language: 'english',
  language_override: 'language',
  name: 'practice_text',
};

describe('practices-style index (weights, per-document language)', () => {
  let c: Collection<any>;
  beforeAll(async () => {
    c = await fresh('practices');
    await c.createIndex({ title: 'text', tags: 'text', summary: 'text', body: 'text' }, PRACTICE_INDEX);
    await c.insertMany([
      {
        _id: 1,
        language: 'es',
        title: 'Diseño urbano participativo',
        tags: ['diseño', 'ciudad'],
        summary: 'Los diseños de la ciudad se deciden con los vecinos',
        body: 'Talleres abiertos de diseño en cada barrio.',
      },
      {
        _id: 2,
        language: 'en',
        title: 'Participatory urban design',
        tags: ['design', 'city'],
        summary: 'Residents shape the designs of their city',
        body: 'Open design workshops in every neighbourhood.',
      },
      {
        _id: 3,
        language: 'fr',
        title: 'Créations culinaires de quartier',
        tags: ['gastronomie'],
        summary: 'Les créations des chefs locaux',
        body: 'Une création par saison, avec les habitants.',
      },
      { _id: 4, language: 'en', title: 'Music festival', tags: ['music'], summary: 'Concerts in the streets', body: 'Stage design by students.' },
    ]);
  });

  it('lists the index in the server form', async () => {
    const index = (await c.indexes()).find((i) => i.name === 'practice_text');
    expect(index).toMatchObject({
      key: { _fts: 'text', _ftsx: 1 },
      weights: { body: 1, summary: 3, tags: 5, title: 10 },
      default_language: 'english',
      language_override: 'language',
      textIndexVersion: 3,
    });
  });

  it('stems Spanish documents in Spanish: "diseños", "disenos" and "DISEÑO" find "diseño"', async () => {
    expect(await ids(c, { $search: 'diseños', $language: 'es' })).toEqual([1]);
    expect(await ids(c, { $search: 'disenos', $language: 'es' })).toEqual([1]);
    expect(await ids(c, { $search: 'DISEÑO', $language: 'spanish' })).toEqual([1]);
    expect(await ids(c, { $search: 'diseños', $language: 'es', $caseSensitive: false, $diacriticSensitive: false })).toEqual([1]);
  });

  it('stems English documents in English: "designs" finds "design"', async () => {
    expect(await ids(c, { $search: 'designs' })).toEqual([2, 4]);
    expect(await ids(c, { $search: 'neighbourhoods', $language: 'en' })).toEqual([2]);
  });

  it('stems French documents in French: "créations" and "creation" find "création"', async () => {
    expect(await ids(c, { $search: 'créations', $language: 'fr' })).toEqual([3]);
    expect(await ids(c, { $search: 'creation', $language: 'french' })).toEqual([3]);
  });

  it('stems the query in $language, else in the index default language, against keys stemmed per document', async () => {
    // English stems "diseños" to "diseno", not the Spanish key "disen".
    expect(await ids(c, { $search: 'diseños' })).toEqual([]);
    // Spanish leaves "designs" as it is, which no English document holds (they hold "design")...
    expect(await ids(c, { $search: 'designs', $language: 'es' })).toEqual([]);
    // ...and "design" too, which they do.
    expect(await ids(c, { $search: 'design', $language: 'es' })).toEqual([2, 4]);
  });

  it('ranks by textScore with the field weights: a title hit beats a body hit', async () => {
    const found = await c
      .find({ $text: { $search: 'design' } }, { projection: { score: { $meta: 'textScore' } }, sort: { score: { $meta: 'textScore' } } })
      .toArray();
    expect(found.map((d) => d._id)).toEqual([2, 4]);
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });

  it('does not index stop words of the document language', async () => {
    expect(await ids(c, { $search: 'the their' })).toEqual([]);
    expect(await ids(c, { $search: 'los de la', $language: 'es' })).toEqual([]);
    expect(await ids(c, { $search: 'les des avec', $language: 'fr' })).toEqual([]);
    // "la" is a Spanish stop word, so the Spanish document has no key for it, whatever the query language.
    expect(await ids(c, { $search: 'la' })).toEqual([]);
  });

  it('combines $text with other conditions', async () => {
    expect(await ids(c, { $search: 'design designs diseño' }, { language: 'en' })).toEqual([2, 4]);
    expect(await ids(c, { $search: 'design' }, { _id: { $gt: 2 } })).toEqual([4]);
  });
});

describe('text scores', () => {
  let c: Collection<any>;
  beforeAll(async () => {
    c = await fresh('scores');
    await c.createIndex({ title: 'text', body: 'text' }, { weights: { title: 10 } });
    await c.insertMany([
      { _id: 1, title: 'Design', body: 'x' },
      { _id: 2, title: 'Urban design' },
      { _id: 3, body: 'Urban design' },
      { _id: 4, body: 'design design design urban' },
      { _id: 5, title: 'design', body: 'design of the city' },
    ]);
  });

  const scores = async (search: string) =>
    Object.fromEntries(
      (await c.find({ $text: { $search: search } }, { projection: { score: { $meta: 'textScore' } } }).toArray()).map((d) => [d._id, d.score]),
    );

  it('computes weight * frequency * (0.5 * count / tokens + 0.5), with 1.1 for a whole-field match', async () => {
    const s = await scores('design');
    expect(s[1]).toBeCloseTo(11, 10); // the whole title: 10 * 1 * 1 * 1.1
    expect(s[2]).toBeCloseTo(7.5, 10); // 10 * (0.5 * 1/2 + 0.5)
    expect(s[3]).toBeCloseTo(0.75, 10); // 1 * (0.5 * 1/2 + 0.5)
    expect(s[4]).toBeCloseTo(1.75 * 0.875, 10); // repeats count 1 + 1/2 + 1/4; coeff 0.5 * 3/4 + 0.5
    expect(s[5]).toBeCloseTo(11 + 0.75, 10); // fields add up ("of" and "the" are stop words)
  });

  it('adds the scores of the query terms, each counted once', async () => {
    const s = await scores('urban design designs');
    expect(s[2]).toBeCloseTo(15, 10);
    expect(s[3]).toBeCloseTo(1.5, 10);
  });

  it('sorts by textScore in find and aggregate', async () => {
    const found = await c.find({ $text: { $search: 'design' } }, { sort: { score: { $meta: 'textScore' } }, projection: { _id: 1 } }).toArray();
    expect(found.map((d) => d._id)).toEqual([5, 1, 2, 4, 3]);
    const agg = await c
      .aggregate([{ $match: { $text: { $search: 'design' } } }, { $sort: { s: { $meta: 'textScore' } } }, { $project: { _id: 1 } }])
      .toArray();
    expect(agg.map((d) => d._id)).toEqual([5, 1, 2, 4, 3]);
  });
});

describe('phrases and negations', () => {
  let c: Collection<any>;
  beforeAll(async () => {
    c = await fresh('phrases');
    await c.createIndex({ title: 'text', body: 'text' });
    await c.insertMany([
      { _id: 1, title: 'Urban design week', body: 'Workshops on street furniture' },
      { _id: 2, title: 'Design of urban gardens', body: 'Community gardens' },
      { _id: 3, title: 'Crafts market', body: 'Well-known designers' },
      { _id: 4, language: 'es', title: 'Diseño Urbano', body: 'Talleres' },
    ]);
  });

  it('requires every phrase as a substring, without case or diacritics', async () => {
    expect(await ids(c, { $search: '"urban design"' })).toEqual([1]);
    expect(await ids(c, { $search: '"URBAN DESIGN" "street"' })).toEqual([1]);
    expect(await ids(c, { $search: '"diseno urbano"', $language: 'es' })).toEqual([4]);
    // Phrase words are also terms: a phrase alone still finds documents through them.
    expect(await ids(c, { $search: '"gardens"' })).toEqual([2]);
  });

  it('excludes negated words (stemmed) and negated phrases', async () => {
    expect(await ids(c, { $search: 'design -gardens' })).toEqual([1, 3]);
    expect(await ids(c, { $search: 'design -garden' })).toEqual([1, 3]);
    expect(await ids(c, { $search: 'design -"urban design"' })).toEqual([2, 3]);
    expect(await ids(c, { $search: 'design -furniture-gardens' })).toEqual([3]);
    // "- word" (with a space) is not a negation; a hyphen inside a word just splits it.
    expect(await ids(c, { $search: 'crafts - gardens' })).toEqual([2, 3]);
    expect(await ids(c, { $search: 'well-known' })).toEqual([3]);
    // Only negations: no positive term, no result.
    expect(await ids(c, { $search: '-gardens' })).toEqual([]);
  });

  it('honours $caseSensitive and $diacriticSensitive', async () => {
    // The Spanish "Urbano" stems to "Urban" as well (keys and candidates are case-folded; the match is not).
    expect(await ids(c, { $search: 'Urban', $caseSensitive: true })).toEqual([1, 4]);
    expect(await ids(c, { $search: 'urban', $caseSensitive: true })).toEqual([2]);
    expect(await ids(c, { $search: 'diseño', $language: 'es', $diacriticSensitive: true })).toEqual([4]);
    expect(await ids(c, { $search: 'diseno', $language: 'es', $diacriticSensitive: true })).toEqual([]);
    expect(await ids(c, { $search: '"urban Design"', $caseSensitive: true })).toEqual([]);
  });
});

describe('language overrides and defaults', () => {
  it('takes the language from the override field named by language_override, else default_language', async () => {
    const c = await fresh('idioma');
    await c.createIndex({ texto: 'text' }, { default_language: 'spanish', language_override: 'idioma' });
    await c.insertMany([
      { _id: 1, texto: 'Las ciudades creativas' },
      { _id: 2, texto: 'Creative cities', idioma: 'en' },
      // "language" is only a field here: the override is "idioma".
      { _id: 3, texto: 'Ciudades del diseño', language: 'klingon' },
    ]);
    expect(await ids(c, { $search: 'ciudades' })).toEqual([1, 3]);
    expect(await ids(c, { $search: 'city', $language: 'en' })).toEqual([2]);
    const index = (await c.indexes()).find((i) => i.key._fts);
    expect(index).toMatchObject({ default_language: 'spanish', language_override: 'idioma' });
  });

  it('lets embedded documents switch language', async () => {
    const c = await fresh('embedded');
    await c.createIndex({ 'content.text': 'text' });
    await c.insertMany([
      { _id: 1, content: { text: 'diseños', language: 'es' } },
      { _id: 2, language: 'es', content: { text: 'diseños' } },
      { _id: 3, content: { text: 'diseños' } },
    ]);
    expect(await ids(c, { $search: 'diseño', $language: 'es' })).toEqual([1, 2]);
    expect(await ids(c, { $search: 'diseños' })).toEqual([3]);
  });

  it('re-indexes a document whose language changes', async () => {
    const c = await fresh('relang');
    await c.createIndex({ s: 'text' });
    await c.insertOne({ _id: 1, s: 'diseños' });
    expect(await ids(c, { $search: 'diseño', $language: 'es' })).toEqual([]);
    await c.updateOne({ _id: 1 }, { $set: { language: 'spanish' } });
    expect(await ids(c, { $search: 'diseño', $language: 'es' })).toEqual([1]);
  });

  it("indexes 'none' words as they are: no stemming, no stop words", async () => {
    const c = await fresh('none');
    await c.createIndex({ s: 'text' }, { default_language: 'none' });
    await c.insertMany([
      { _id: 1, s: 'The designs' },
      { _id: 2, s: 'the design' },
      { _id: 3, s: 'The designs', language: 'english' },
    ]);
    expect(await ids(c, { $search: 'designs' })).toEqual([1]);
    expect(await ids(c, { $search: 'the' })).toEqual([1, 2]);
    // The English document holds "design" (stemmed, "the" dropped), like the 'none' one that says "design".
    expect(await ids(c, { $search: 'design' })).toEqual([2, 3]);
    expect(await ids(c, { $search: 'designs', $language: 'english' })).toEqual([2, 3]);
  });

  it('accepts language names and ISO codes in any case', async () => {
    const c = await fresh('codes');
    await c.createIndex({ s: 'text' }, { default_language: 'es' });
    await c.insertMany([
      { _id: 1, s: 'créations', language: 'FR' },
      { _id: 2, s: 'diseños' },
      { _id: 3, s: 'designs', language: 'English' },
    ]);
    expect(await ids(c, { $search: 'creation', $language: 'French' })).toEqual([1]);
    expect(await ids(c, { $search: 'diseño' })).toEqual([2]);
    expect(await ids(c, { $search: 'design', $language: 'EN' })).toEqual([3]);
    expect((await c.indexes()).find((i) => i.key._fts)!.default_language).toBe('es');
  });
});

describe('unsupported languages', () => {
  let c: Collection<any>;
  beforeAll(async () => {
    c = await fresh('badlang');
    await c.createIndex({ s: 'text' });
  });

  it('refuses a document whose language override is not a language (17262) or not a string (17261)', async () => {
    const unsupported = await rejection(c.insertOne({ s: 'qapla', language: 'klingon' }));
    expect(unsupported.code).toBe(17262);
    expect(unsupported.message).toBe('language override unsupported: klingon');
    expect((await rejection(c.insertOne({ s: 'x', language: 5 }))).code).toBe(17261);
    await c.insertOne({ _id: 1, s: 'x' });
    expect((await rejection(c.updateOne({ _id: 1 }, { $set: { language: 'klingon' } }))).code).toBe(17262);
    expect(await c.countDocuments()).toBe(1);
  });

  it('refuses the index over existing documents with an unsupported language', async () => {
    const d = await fresh('badlang_existing');
    await d.insertOne({ s: 'qapla', language: 'klingon' });
    expect((await rejection(d.createIndex({ s: 'text' }))).code).toBe(17262);
    expect((await d.indexes()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('refuses an unsupported default_language (67) and $language (2)', async () => {
    const d = await fresh('badlang_default');
    const index = await rejection(d.createIndex({ s: 'text' }, { default_language: 'klingon' }));
    expect(index.code).toBe(67);
    expect(index.message).toMatch(/default_language/);
    const query = await rejection(c.find({ $text: { $search: 'x', $language: 'klingon' } }).toArray());
    expect(query.code).toBe(2);
    expect(query.message).toMatch(/unsupported language/);
  });

  it('checks the $text fields', async () => {
    expect((await rejection(c.find(textFilter({ $search: 5 })).toArray())).code).toBe(14);
    expect((await rejection(c.find(textFilter({ $search: 'x', $caseSensitive: 1 })).toArray())).code).toBe(14);
    expect((await rejection(c.find(textFilter({ $search: 'x', $foo: 1 })).toArray())).code).toBe(2);
    expect((await rejection(c.find(textFilter({ $language: 'en' })).toArray())).code).toBe(4);
  });
});
