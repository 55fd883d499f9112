import {
  ACTION_AREA_IDS,
  CREATIVE_FIELDS,
  CREATIVE_FIELD_IDS,
  REGION_IDS,
  SDG_IDS,
  SECTOR_IDS,
  actionAreaLabel,
  fieldLabel,
  isActionArea,
  isCreativeField,
  isLang,
  isRegion,
  isSdg,
  isSector,
  languageName,
  localize,
  negotiateLang,
  regionLabel,
  sdgLabel,
  sectorLabel,
} from './reference-data';

describe('reference data', () => {
  it('has the seven creative fields with the labels of SPEC §1', () => {
    expect(CREATIVE_FIELDS.map((f) => [f.id, f.label.en, f.label.es, f.label.fr])).toEqual([
      ['crafts-folk-art', 'Crafts and Folk Art', 'Artesanía y Arte Popular', 'Artisanat et arts populaires'],
      ['design', 'Design', 'Diseño', 'Design'],
      ['film', 'Film', 'Cine', 'Cinéma'],
      ['gastronomy', 'Gastronomy', 'Gastronomía', 'Gastronomie'],
      ['literature', 'Literature', 'Literatura', 'Littérature'],
      ['media-arts', 'Media Arts', 'Artes Digitales', 'Arts numériques'],
      ['music', 'Music', 'Música', 'Musique'],
    ]);
  });

  it('has the ids of SPEC §1 for regions, action areas, sectors and SDGs 1–17', () => {
    expect(REGION_IDS).toEqual(['africa', 'arab-states', 'asia-pacific', 'europe-north-america', 'latin-america-caribbean']);
    expect(ACTION_AREA_IDS).toEqual(['experience-exchange', 'pilot-projects', 'professional-exchange', 'research', 'urban-policy', 'communication']);
    expect(SECTOR_IDS).toEqual(['public', 'private', 'civil-society']);
    expect(SDG_IDS).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('labels every entry in every language', () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      const meta = localize(lang);
      const entries = [...meta.fields, ...meta.regions, ...meta.actionAreas, ...meta.sectors, ...meta.sdgs];
      for (const entry of entries) expect(entry.label.trim()).not.toBe('');
      for (const area of meta.actionAreas) expect(area.description.trim()).not.toBe('');
    }
  });

  describe('type guards', () => {
    it.each([
      [isCreativeField, 'music', 'Music'],
      [isRegion, 'africa', 'Africa'],
      [isActionArea, 'research', 'studies'],
      [isSector, 'civil-society', 'civil society'],
      [isLang, 'fr', 'de'],
    ] as const)('%p accepts a known id and rejects another string', (guard, known, unknown) => {
      expect(guard(known)).toBe(true);
      expect(guard(unknown)).toBe(false);
      expect(guard(undefined)).toBe(false);
    });

    it('accepts SDGs only as integers 1 to 17', () => {
      expect(isSdg(1)).toBe(true);
      expect(isSdg(17)).toBe(true);
      expect(isSdg(0)).toBe(false);
      expect(isSdg(18)).toBe(false);
      expect(isSdg(11.5)).toBe(false);
      expect(isSdg('11')).toBe(false);
    });
  });

  it('gives the label of one id in one language, English by default', () => {
    expect(fieldLabel('music')).toBe('Music');
    expect(fieldLabel('media-arts', 'es')).toBe('Artes Digitales');
    expect(regionLabel('latin-america-caribbean', 'fr')).toBe('Amérique latine et Caraïbes');
    expect(actionAreaLabel('urban-policy', 'es')).toBe('Política urbana sostenible');
    expect(sectorLabel('private', 'fr')).toBe('Secteur privé');
    expect(sdgLabel(11)).toBe('Sustainable Cities and Communities');
    expect(sdgLabel(4, 'es')).toBe('Educación de calidad');
  });

  it('names spoken languages, and gives an unknown or malformed code back as is', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('ca')).toBe('Catalan');
    expect(languageName('eu')).toBe('Basque');
    expect(languageName('ca', 'es')).toBe('catalán');
    expect(languageName('qq')).toBe('qq');
    expect(languageName('not a tag')).toBe('not a tag');
  });

  describe('localize', () => {
    it('returns the whole reference set in one language, with action area descriptions from the seeds', () => {
      const es = localize('es');
      expect(es.lang).toBe('es');
      expect(es.fields).toHaveLength(7);
      expect(es.fields).toContainEqual({ id: 'crafts-folk-art', label: 'Artesanía y Arte Popular' });
      expect(es.regions).toHaveLength(5);
      expect(es.actionAreas).toContainEqual({
        id: 'experience-exchange',
        label: 'Intercambio de experiencias',
        description: 'Intercambio de experiencias, conocimientos y buenas prácticas',
      });
      expect(es.sectors).toEqual([
        { id: 'public', label: 'Sector público' },
        { id: 'private', label: 'Sector privado' },
        { id: 'civil-society', label: 'Sociedad civil' },
      ]);
      expect(es.sdgs).toHaveLength(17);
      expect(es.sdgs[10]).toEqual({ id: 11, label: 'Ciudades y comunidades sostenibles' });
    });

    it('defaults to English and gives each language its own labels', () => {
      expect(localize().fields.find((f) => f.id === 'film')?.label).toBe('Film');
      expect(localize('fr').fields.find((f) => f.id === 'film')?.label).toBe('Cinéma');
    });

    it('returns fresh objects, so a caller cannot alter the reference data', () => {
      const meta = localize('en');
      meta.fields[0].label = 'changed';
      expect(localize('en').fields[0].label).toBe('Crafts and Folk Art');
    });
  });

  describe('negotiateLang', () => {
    it('prefers a supported ?lang= value', () => {
      expect(negotiateLang('fr', 'es')).toBe('fr');
      expect(negotiateLang(' ES ', null)).toBe('es');
    });

    it('falls back to the best supported Accept-Language entry', () => {
      expect(negotiateLang('de', 'es-ES,es;q=0.9,en;q=0.8')).toBe('es');
      expect(negotiateLang(undefined, 'de-DE, fr;q=0.5, en;q=0.7')).toBe('en');
      expect(negotiateLang(undefined, 'en;q=0, fr')).toBe('fr');
    });

    it('answers English when nothing usable is given', () => {
      expect(negotiateLang()).toBe('en');
      expect(negotiateLang(null, 'de, it;q=0.4')).toBe('en');
      expect(negotiateLang(null, ';;;q=x,,')).toBe('en');
    });
  });

  it('keeps the id lists in step with the entries', () => {
    expect(CREATIVE_FIELD_IDS).toEqual(CREATIVE_FIELDS.map((f) => f.id));
  });
});
