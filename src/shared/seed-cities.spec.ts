import { isCreativeField, isRegion } from './reference-data';
import { SEED_CITIES } from './seed-cities';

describe('seed cities', () => {
  it('are the 11 Spanish creative cities of the seeds, with their field and designation year', () => {
    expect(SEED_CITIES.map((c) => [c.name, c.field, c.designationYear])).toEqual([
      ['Sevilla', 'music', 2006],
      ['Bilbao', 'design', 2014],
      ['Granada', 'literature', 2014],
      ['Burgos', 'gastronomy', 2015],
      ['Dénia', 'gastronomy', 2015],
      ['Barcelona', 'literature', 2015],
      ['Terrassa', 'film', 2017],
      ['Llíria', 'music', 2019],
      ['Valladolid', 'film', 2019],
      ['Manises', 'crafts-folk-art', 2021],
      ['Valencia', 'design', 2023],
    ]);
  });

  it('are all in Spain, in Europe and North America, with valid reference ids', () => {
    for (const city of SEED_CITIES) {
      expect(city.country).toBe('ES');
      expect(city.region).toBe('europe-north-america');
      expect(isRegion(city.region) && isCreativeField(city.field)).toBe(true);
    }
  });

  it('have a location inside Spain and Spanish among their languages', () => {
    for (const city of SEED_CITIES) {
      expect(city.location.lat).toBeGreaterThan(36);
      expect(city.location.lat).toBeLessThan(44);
      expect(city.location.lng).toBeGreaterThan(-10);
      expect(city.location.lng).toBeLessThan(4);
      expect(city.languages).toContain('es');
    }
  });

  it('add the co-official language where there is one', () => {
    const languagesOf = (name: string) => SEED_CITIES.find((c) => c.name === name)?.languages;
    expect(languagesOf('Bilbao')).toContain('eu');
    for (const name of ['Barcelona', 'Terrassa', 'Valencia', 'Llíria', 'Manises', 'Dénia']) expect(languagesOf(name)).toContain('ca');
    expect(languagesOf('Sevilla')).toEqual(['es']);
  });

  it('have unique names', () => {
    expect(new Set(SEED_CITIES.map((c) => c.name)).size).toBe(SEED_CITIES.length);
  });
});
