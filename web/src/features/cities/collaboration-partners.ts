import type { City, Collaboration } from './city-queries';

export interface PartnerOnMap {
  city: City;
  /** Shared projects and completed exchanges. */
  weight: number;
}

/**
 * The partners of a collaboration list as full cities (the collaboration view has no location),
 * heaviest first; those the directory does not know or that have no location are counted apart,
 * so the map's caption can say the list has more.
 */
export function partnersOnMap(collaborations: Collaboration[], directory: City[]): { onMap: PartnerOnMap[]; offMap: number } {
  const byId = new Map(directory.map((c) => [c.id, c]));
  const onMap: PartnerOnMap[] = [];
  let offMap = 0;
  for (const collaboration of collaborations) {
    const city = byId.get(collaboration.city.id);
    if (!city?.location) {
      offMap++;
      continue;
    }
    onMap.push({ city, weight: collaboration.projects.length + collaboration.exchanges.length });
  }
  onMap.sort((a, b) => b.weight - a.weight || a.city.name.localeCompare(b.city.name));
  return { onMap, offMap };
}
