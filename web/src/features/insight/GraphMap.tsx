import { useMemo } from 'react';
import { Link } from 'react-router';
import { MapBase } from '../cities/map/MapBase';
import { arcPath, mapProjection, placePoints } from '../cities/map/projection';
import { useMapSize } from '../cities/map/useMapSize';
import { degrees } from './graph-data';
import type { Graph, GraphNode } from './insight-api';

/**
 * The collaboration graph on the offline world map (the cities feature's Equal Earth map): an arc
 * per pair of partner cities, thicker for more shared work; cities with partners are links named
 * with their partner count. Decoration for the eye: the table beside it says the same in words.
 */
export default function GraphMap({ graph, label, nameOf }: { graph: Graph; label: string; nameOf: (node: GraphNode, partners: number) => string }) {
  const { ref, size } = useMapSize(0.5, 960);
  const projection = useMemo(() => mapProjection(size, null), [size.width, size.height]);
  const degree = useMemo(() => degrees(graph), [graph]);
  const points = useMemo(
    () => placePoints(graph.nodes, (n) => (n.lat !== undefined && n.lng !== undefined ? { lat: n.lat, lng: n.lng } : null), projection),
    [graph, projection],
  );
  const at = new Map(points.map((p) => [p.item.cityId, p]));
  return (
    <svg
      className="world-map graph-map"
      ref={ref}
      width={size.width}
      height={size.height}
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="group"
      aria-label={label}
    >
      <MapBase projection={projection} />
      <g aria-hidden="true">
        {graph.edges.map((e) => {
          const [from, to] = [at.get(e.a), at.get(e.b)];
          return from && to ? (
            <path key={`${e.a}-${e.b}`} className="map-arc" d={arcPath(from, to)} strokeWidth={Math.min(1.5 + e.projects + e.exchanges, 8)} />
          ) : null;
        })}
      </g>
      {points.map(({ item: node, x, y }) => {
        const partners = degree.get(node.cityId) ?? 0;
        return partners > 0 ? (
          <Link
            key={node.cityId}
            to={`/cities/${encodeURIComponent(node.cityId)}`}
            className={`map-point field-${node.field}`}
            aria-label={nameOf(node, partners)}
          >
            <title>{nameOf(node, partners)}</title>
            <circle className="map-point-hit" cx={x} cy={y} r={12} />
            <circle className="map-point-dot" cx={x} cy={y} r={Math.min(4 + partners, 9)} />
          </Link>
        ) : (
          <circle key={node.cityId} className={`graph-lone field-${node.field}`} cx={x} cy={y} r={3} aria-hidden="true" />
        );
      })}
    </svg>
  );
}
