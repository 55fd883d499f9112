import type { CreativeField, Region } from './reference-data';

/**
 * The first seed data: the 11 Spanish members of the network listed in `../shared/seeds/`, with
 * their creative field and designation year as published there. Location (city centre, WGS 84)
 * and languages (ISO 639-1: Spanish everywhere, plus Catalan/Valencian or Basque where co-official)
 * are added so that maps and partner suggestions have something to work with.
 *
 * The seeders (`npm run seed`, the embedded default) upsert these by `(name, country)`, so loading
 * twice changes nothing.
 */
export interface SeedCity {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly region: Region;
  readonly field: CreativeField;
  readonly designationYear: number;
  readonly location: { readonly lat: number; readonly lng: number };
  readonly languages: readonly string[];
}

const spain = { country: 'ES', region: 'europe-north-america' } as const;

export const SEED_CITIES: readonly SeedCity[] = [
  { ...spain, name: 'Sevilla', field: 'music', designationYear: 2006, location: { lat: 37.3891, lng: -5.9845 }, languages: ['es'] },
  { ...spain, name: 'Bilbao', field: 'design', designationYear: 2014, location: { lat: 43.263, lng: -2.935 }, languages: ['es', 'eu'] },
  { ...spain, name: 'Granada', field: 'literature', designationYear: 2014, location: { lat: 37.1773, lng: -3.5986 }, languages: ['es'] },
  { ...spain, name: 'Burgos', field: 'gastronomy', designationYear: 2015, location: { lat: 42.3439, lng: -3.6969 }, languages: ['es'] },
  { ...spain, name: 'Dénia', field: 'gastronomy', designationYear: 2015, location: { lat: 38.8408, lng: 0.1057 }, languages: ['es', 'ca'] },
  { ...spain, name: 'Barcelona', field: 'literature', designationYear: 2015, location: { lat: 41.3874, lng: 2.1686 }, languages: ['ca', 'es'] },
  { ...spain, name: 'Terrassa', field: 'film', designationYear: 2017, location: { lat: 41.5633, lng: 2.0089 }, languages: ['ca', 'es'] },
  { ...spain, name: 'Llíria', field: 'music', designationYear: 2019, location: { lat: 39.6255, lng: -0.5965 }, languages: ['es', 'ca'] },
  { ...spain, name: 'Valladolid', field: 'film', designationYear: 2019, location: { lat: 41.6523, lng: -4.7245 }, languages: ['es'] },
  { ...spain, name: 'Manises', field: 'crafts-folk-art', designationYear: 2021, location: { lat: 39.493, lng: -0.4632 }, languages: ['es', 'ca'] },
  { ...spain, name: 'Valencia', field: 'design', designationYear: 2023, location: { lat: 39.4699, lng: -0.3763 }, languages: ['es', 'ca'] },
];
