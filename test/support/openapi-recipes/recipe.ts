import type { ApiClient } from '@app/testing';
import type { CityUser } from '../city-users';

/** The request a recipe sends: `as` the client (its token), the path with its parameters filled in. */
export interface Call {
  as: ApiClient;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The fixtures every recipe may use (read-only: a recipe that changes state builds its own). */
export interface World {
  api: ApiClient;
  admin: ApiClient;
  /** Sevilla: leads `projectId` (Llíria accepted, an update posted), shared `practiceId`, hosts `exchangeId`. */
  a: CityUser;
  /** Llíria: partner of `projectId`, commented (`commentId`), endorsed and reported `practiceId`, asked `exchangeId`. */
  b: CityUser;
  /** Valencia: no part in any of it; asks to join or is invited where a recipe needs a third city. */
  c: CityUser;
  projectId: string;
  practiceId: string;
  commentId: string;
  exchangeId: string;
  notificationId: string;
  /** Projects whose notifying events the fan-out refuses, to make dead letters. */
  poisoned: Set<string>;
}

/** Builds the request for one operation (a recipe that changes state builds its own fixtures). */
export type Recipe = (w: World) => Promise<Call>;
