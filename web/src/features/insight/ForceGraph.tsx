import { useMemo } from 'react';
import { Link } from 'react-router';
import { useMapSize } from '../cities/map/useMapSize';
import { forceLayout } from './force-layout';
import { connectedNodes, degrees } from './graph-data';
import type { Graph, GraphNode } from './insight-api';

/** The same graph as a network: partner cities pulled together, whatever their geography. */
export default function ForceGraph({ graph, label, nameOf }: { graph: Graph; label: string; nameOf: (node: GraphNode, partners: number) => string }) {
  const { ref, size } = useMapSize(0.6, 960);
  const nodes = useMemo(() => connectedNodes(graph), [graph]);
  const degree = useMemo(() => degrees(graph), [graph]);
  const placed = useMemo(
    () =>
      forceLayout(
        nodes.map((n) => ({ id: n.cityId })),
        graph.edges.map((e) => ({ a: e.a, b: e.b, weight: e.projects + e.exchanges })),
        { width: size.width, height: size.height, padding: 60, iterations: nodes.length > 150 ? 120 : 300 },
      ),
    [nodes, graph, size.width, size.height],
  );
  const at = new Map(placed.map((p) => [p.id, p]));
  return (
    <svg
      className="force-graph"
      ref={ref}
      width={size.width}
      height={size.height}
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="group"
      aria-label={label}
    >
      <g aria-hidden="true">
        {graph.edges.map((e) => {
          const [from, to] = [at.get(e.a), at.get(e.b)];
          return from && to ? (
            <line
              key={`${e.a}-${e.b}`}
              className="graph-edge"
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              strokeWidth={Math.min(1.5 + e.projects + e.exchanges, 8)}
            />
          ) : null;
        })}
      </g>
      {nodes.map((node) => {
        const p = at.get(node.cityId);
        if (!p) return null;
        const partners = degree.get(node.cityId) ?? 0;
        return (
          <Link
            key={node.cityId}
            to={`/cities/${encodeURIComponent(node.cityId)}`}
            className={`map-point graph-node field-${node.field}`}
            aria-label={nameOf(node, partners)}
          >
            <title>{nameOf(node, partners)}</title>
            <circle className="map-point-hit" cx={p.x} cy={p.y} r={14} />
            <circle className="map-point-dot" cx={p.x} cy={p.y} r={Math.min(5 + partners, 10)} />
            <text className="graph-label" x={p.x} y={p.y - 13} textAnchor="middle" aria-hidden="true">
              {node.name}
            </text>
          </Link>
        );
      })}
    </svg>
  );
}
