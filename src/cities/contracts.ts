/**
 * The cities module's public surface: the only file other modules may import from `src/cities`.
 * Queries are answered through the CQRS QueryBus.
 */
import { Query } from '@nestjs/cqrs';
import type { CreativeField, Region } from '../shared/reference-data';

/** A city as other modules see it. */
export interface CitySummary {
  id: string;
  name: string;
  slug: string;
  country: string;
  region: Region;
  field: CreativeField;
  designationYear: number;
  languages: string[];
  /** Where it is (the mail channel derives the city's time zone from it); null when not recorded. */
  location?: { lat: number; lng: number } | null;
}

/** A past collaborator of a city, from the collaborations read model. */
export interface Collaboration {
  city: { id: string; name: string; country: string; field: CreativeField };
  projects: { id: string; title: string }[];
  /** Completed exchanges between the two cities, each with the practice's title. */
  exchanges: { id: string; title: string }[];
}

export class CityExistsQuery extends Query<boolean> {
  constructor(readonly cityId: string) {
    super();
  }
}

export class GetCitySummaryQuery extends Query<CitySummary | null> {
  constructor(readonly cityId: string) {
    super();
  }
}

/** Every registered city (the network is a few hundred): used to rank partner suggestions. */
export class ListCitySummariesQuery extends Query<CitySummary[]> {
  constructor(readonly ids?: string[]) {
    super();
  }
}

/** The cities `cityId` has worked with and on which projects (read model fed by project events). */
export class GetCollaborationsQuery extends Query<Collaboration[]> {
  constructor(readonly cityId: string) {
    super();
  }
}

// The event classes, CITY_EVENTS, the CityEvent union and the payload types, all derived from one
// zod schema per event.
export * from './domain/events';
