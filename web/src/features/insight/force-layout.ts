export interface LayoutNode {
  id: string;
}
export interface LayoutEdge {
  a: string;
  b: string;
  weight: number;
}
export interface Placed {
  id: string;
  x: number;
  y: number;
}

/**
 * A small force-directed layout (springs along edges, repulsion between every pair, a pull to the
 * centre), deterministic: the nodes start evenly on a circle in the order given, so the same graph
 * is drawn the same way on every visit and in tests. O(n²) per step: fine for the network's few
 * hundred cities (a d3-force dependency would add weight for no gain at this size). The result is
 * fitted into width × height with `padding` on each side.
 */
export function forceLayout(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  { width, height, padding = 24, iterations = 300 }: { width: number; height: number; padding?: number; iterations?: number },
): Placed[] {
  const n = nodes.length;
  if (n === 0) return [];
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const xs = nodes.map((_, i) => Math.cos((2 * Math.PI * i) / n) * 100);
  const ys = nodes.map((_, i) => Math.sin((2 * Math.PI * i) / n) * 100);
  const links = edges
    .map((e) => ({ s: index.get(e.a), t: index.get(e.b), w: Math.max(1, e.weight) }))
    .filter((l): l is { s: number; t: number; w: number } => l.s !== undefined && l.t !== undefined && l.s !== l.t);
  const ideal = 60;
  for (let step = 0; step < iterations; step++) {
    const cool = 1 - step / iterations; // moves shrink as the layout settles
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let [vx, vy] = [xs[i] - xs[j], ys[i] - ys[j]];
        let d2 = vx * vx + vy * vy;
        if (d2 < 0.01) [vx, vy, d2] = [0.1 * (i - j), 0.1, 0.01 + 0.01 * (i - j) ** 2]; // coincident: part them
        const f = (ideal * ideal) / d2;
        dx[i] += vx * f;
        dy[i] += vy * f;
        dx[j] -= vx * f;
        dy[j] -= vy * f;
      }
    }
    for (const { s, t, w } of links) {
      const [vx, vy] = [xs[t] - xs[s], ys[t] - ys[s]];
      const d = Math.sqrt(vx * vx + vy * vy) || 0.1;
      const f = (d / ideal) * Math.min(w, 4) * 0.5;
      dx[s] += vx * f;
      dy[s] += vy * f;
      dx[t] -= vx * f;
      dy[t] -= vy * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= xs[i] * 0.02;
      dy[i] -= ys[i] * 0.02;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      const max = 10 * cool + 0.5;
      const scale = len > max ? max / len : 1;
      xs[i] += dx[i] * scale;
      ys[i] += dy[i] * scale;
    }
  }
  return fit(nodes, xs, ys, width, height, padding);
}

function fit(nodes: LayoutNode[], xs: number[], ys: number[], width: number, height: number, padding: number): Placed[] {
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const [offX, offY] = [(width - spanX * scale) / 2, (height - spanY * scale) / 2];
  const round = (v: number) => Math.round(v * 10) / 10;
  return nodes.map((node, i) => ({
    id: node.id,
    x: nodes.length === 1 ? width / 2 : round(offX + (xs[i] - minX) * scale),
    y: nodes.length === 1 ? height / 2 : round(offY + (ys[i] - minY) * scale),
  }));
}
