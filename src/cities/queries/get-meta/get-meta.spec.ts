import { COUNTRY_CODES } from '../../../shared/countries';
import { buildMeta, GetMetaHandler } from './get-meta.handler';
import { GetMetaQuery } from './get-meta.query';

describe('GetMeta', () => {
  it('gives every reference list with labels in the language asked', () => {
    const es = buildMeta('es');
    expect(es.lang).toBe('es');
    expect(es.fields).toContainEqual({ id: 'crafts-folk-art', label: 'Artesanía y Arte Popular' });
    expect(es.regions).toHaveLength(5);
    expect(es.actionAreas[0]).toEqual({ id: 'experience-exchange', label: 'Intercambio de experiencias', description: expect.any(String) });
    expect(es.sectors.map((s) => s.id)).toEqual(['public', 'private', 'civil-society']);
    expect(es.sdgs).toHaveLength(17);
    expect(es.countries).toHaveLength(COUNTRY_CODES.length);
    expect(es.countries).toContainEqual({ id: 'ES', label: 'España' });
    expect(buildMeta('fr').fields).toContainEqual({ id: 'film', label: 'Cinéma' });
  });

  it('sorts countries by their name in that language', () => {
    const labels = buildMeta('fr').countries.map((c) => c.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('fr').compare));
    expect(labels.indexOf('Espagne')).toBeLessThan(labels.indexOf('France'));
  });

  it('answers the same object for the same language (computed once)', async () => {
    const handler = new GetMetaHandler();
    expect(await handler.execute(new GetMetaQuery('en'))).toBe(await handler.execute(new GetMetaQuery('en')));
  });
});
