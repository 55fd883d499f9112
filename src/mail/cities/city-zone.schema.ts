/** The mail channel's read model of cities: name and time zone, fed by city events (the worker has no cities module). */
export const CITY_ZONES_COLLECTION = 'mail_city_zones';

export interface CityZoneDocument {
  _id: string;
  name: string;
  /** IANA zone, from the city's location (UTC when it has none). */
  timeZone: string;
  seq: number;
}
