import { AggregateRoot } from '@app/events';
import { InvalidInputError } from '@app/domain';
import type { CreativeField, Region } from '../../shared/reference-data';
import { staleCityVersion } from './city-errors';
import type { CityEventMap, CityProfileChanges } from './events';
import { assertMayEditProfile, assertMayRegister, type CityActor } from './city-policy';
import { checkRegistration, type CityRegistration } from './city-registration';
import * as v from './city-values';

/** The whole state of a city, as stored. `version` is the stored version (0 before the first save). */
export interface CitySnapshot {
  id: string;
  name: string;
  slug: string;
  /** `name` folded for accent- and case-insensitive search and uniqueness. */
  searchName: string;
  country: string;
  region: Region;
  field: CreativeField;
  designationYear: number;
  location: v.GeoPoint | null;
  languages: string[];
  description: string | null;
  website: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** `PATCH /cities/:id`: the profile fields; absent = unchanged, `null` = cleared. */
export interface CityProfileInput {
  location?: unknown;
  languages?: unknown;
  description?: unknown;
  website?: unknown;
}

export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/**
 * A member city of the network. Name, country, region, creative field and designation year are
 * the registration (set by the secretariat); location, languages, description and website are the
 * profile a city keeps up to date itself.
 *
 * Each method checks, in this order, the actor's rights (403), the values (400) and, for updates,
 * the version the client read (409); only then it changes the state and records one event, so a
 * refused command leaves the city untouched. The uniqueness of (name, country) needs every city,
 * so the repository's unique index enforces it (409 `city.duplicate`).
 */
export class City extends AggregateRoot<CityEventMap> {
  private constructor(
    private state: CitySnapshot,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** A new city; records `CityRegistered`. */
  static register(id: string, input: CityRegistration, actor: CityActor, clock: Clock = systemClock): City {
    assertMayRegister(actor);
    if (typeof id !== 'string' || id.length === 0) throw new InvalidInputError('id', 'id must not be empty');
    const now = clock();
    const checked = checkRegistration(input, now);
    if (!checked.ok) throw new InvalidInputError(checked.problems[0].field, checked.problems[0].message);
    const values = checked.values;
    const city = new City(
      {
        id,
        ...values,
        slug: v.slugOf(values.name, values.country),
        searchName: v.searchNameOf(values.name),
        version: 0,
        createdAt: now,
        updatedAt: now,
      },
      clock,
    );
    const s = city.state;
    city.record('CityRegistered', {
      name: s.name,
      slug: s.slug,
      country: s.country,
      region: s.region,
      field: s.field,
      designationYear: s.designationYear,
      location: s.location,
      languages: [...s.languages],
      description: s.description,
      website: s.website,
    });
    return city;
  }

  /** A stored city; records nothing. */
  static restore(snapshot: CitySnapshot, clock: Clock = systemClock): City {
    return new City(copy(snapshot), clock);
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  get name(): string {
    return this.state.name;
  }

  get country(): string {
    return this.state.country;
  }

  /**
   * Changes the profile fields given; records `CityProfileUpdated` with only the values that
   * changed. Returns false (and records nothing) when nothing changed, so a repeated PATCH is free.
   * `expectedVersion`, when given, must be the stored version (optimistic concurrency).
   */
  updateProfile(input: CityProfileInput, actor: CityActor, expectedVersion?: number): boolean {
    assertMayEditProfile(actor, this.state.id);
    const next: CityProfileChanges = {};
    if (input.location !== undefined) next.location = v.location(input.location);
    if (input.languages !== undefined) next.languages = v.languages(input.languages);
    if (input.description !== undefined) next.description = v.description(input.description);
    if (input.website !== undefined) next.website = v.website(input.website);
    if (expectedVersion !== undefined && expectedVersion !== this.state.version) {
      throw staleCityVersion(expectedVersion, this.state.version);
    }

    const changes: CityProfileChanges = {};
    if (next.location !== undefined && !samePoint(next.location, this.state.location)) changes.location = next.location;
    if (next.languages !== undefined && next.languages.join() !== this.state.languages.join()) changes.languages = next.languages;
    if (next.description !== undefined && next.description !== this.state.description) changes.description = next.description;
    if (next.website !== undefined && next.website !== this.state.website) changes.website = next.website;
    if (Object.keys(changes).length === 0) return false;

    this.state = { ...this.state, ...changes, updatedAt: this.clock() } as CitySnapshot;
    this.record('CityProfileUpdated', { name: this.state.name, changes });
    return true;
  }

  /** A copy of the whole state, for the repository and the views. */
  toSnapshot(): CitySnapshot {
    return copy(this.state);
  }
}

function samePoint(a: v.GeoPoint | null, b: v.GeoPoint | null): boolean {
  return a === b || (a !== null && b !== null && a.lat === b.lat && a.lng === b.lng);
}

function copy(s: CitySnapshot): CitySnapshot {
  return {
    ...s,
    location: s.location ? { lat: s.location.lat, lng: s.location.lng } : null,
    languages: [...s.languages],
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.updatedAt),
  };
}
