import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';

export type Stats = components['schemas']['NetworkStatsView'];
export type StatsCounts = components['schemas']['StatsCountsView'];
export type Graph = components['schemas']['NetworkGraphView'];
export type GraphNode = components['schemas']['GraphNodeView'];
export type GraphEdge = components['schemas']['GraphEdgeView'];
export type CityReport = components['schemas']['CityReportView'];
export type Region = GraphNode['region'];
export type Field = GraphNode['field'];

export const REGIONS: Region[] = ['africa', 'arab-states', 'asia-pacific', 'europe-north-america', 'latin-america-caribbean'];

/** The read models follow the event log: a minute of staleness is the nature of these figures anyway. */
const STALE_MS = 30_000;

export function useStats() {
  return useQuery({ queryKey: ['insight', 'stats'], queryFn: () => unwrap(api.GET('/api/v1/stats')), staleTime: STALE_MS });
}

export function useGraph(filters: { field?: Field; region?: Region }) {
  return useQuery({
    queryKey: ['insight', 'graph', filters],
    queryFn: () => unwrap(api.GET('/api/v1/network/graph', { params: { query: filters } })),
    staleTime: STALE_MS,
    placeholderData: (previous) => previous,
  });
}

export function useCityReport(cityId: string, period: { from?: string; to?: string }, lang: 'en' | 'es' | 'fr') {
  return useQuery({
    queryKey: ['insight', 'report', cityId, period, lang],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cities/{id}/report', { params: { path: { id: cityId }, query: { ...period, lang, format: 'json' } } }),
      ) as Promise<CityReport>,
    enabled: !!cityId,
    staleTime: STALE_MS,
  });
}
