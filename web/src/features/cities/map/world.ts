import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Bundled, not fetched: the map works on a closed network. Only the lazily loaded map chunks import this.
import atlas from 'world-atlas/countries-110m.json';

const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;

/** Every country's shape (Natural Earth 1:110m) and the borders between them, drawn once. */
export const countries = feature(topology, topology.objects.countries);
export const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
