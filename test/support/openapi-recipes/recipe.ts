import type { ApiClient } from '@app/testing';
import type { World as FixturesWorld } from '../fixtures';

/** The request a recipe sends: `as` the client (its token), the path with its parameters filled in. */
export interface Call {
  as: ApiClient;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The fixtures every recipe may use (read-only: a recipe that changes state builds its own): the
 * fixtures' world, built by the OpenAPI suite with more in it (an update posted on `projectId`, B
 * endorsed and reported `practiceId`).
 */
export interface World extends Omit<FixturesWorld, 'adminToken'> {
  /** Projects whose notifying events the fan-out refuses, to make dead letters. */
  poisoned: Set<string>;
}

/** Builds the request for one operation (a recipe that changes state builds its own fixtures). */
export type Recipe = (w: World) => Promise<Call>;
