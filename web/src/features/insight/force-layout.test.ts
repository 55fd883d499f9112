import { describe, expect, it } from 'vitest';
import { forceLayout } from './force-layout';

const dist = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);

describe('forceLayout', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
  // Two triangles joined by nothing: each keeps together, apart from the other.
  const edges = [
    { a: 'a', b: 'b', weight: 1 },
    { a: 'b', b: 'c', weight: 1 },
    { a: 'a', b: 'c', weight: 1 },
    { a: 'd', b: 'e', weight: 1 },
    { a: 'e', b: 'f', weight: 1 },
    { a: 'd', b: 'f', weight: 1 },
  ];
  const placed = forceLayout(nodes, edges, { width: 400, height: 300 });
  const at = (id: string) => placed.find((p) => p.id === id)!;

  it('keeps every node inside the box, padding included', () => {
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(24 - 0.1);
      expect(p.x).toBeLessThanOrEqual(376 + 0.1);
      expect(p.y).toBeGreaterThanOrEqual(24 - 0.1);
      expect(p.y).toBeLessThanOrEqual(276 + 0.1);
    }
  });
  it('draws linked cities closer than unlinked ones', () => {
    expect(dist(at('a'), at('b'))).toBeLessThan(dist(at('a'), at('d')));
    expect(dist(at('e'), at('f'))).toBeLessThan(dist(at('c'), at('f')));
  });
  it('is deterministic', () => {
    expect(forceLayout(nodes, edges, { width: 400, height: 300 })).toEqual(placed);
  });
  it('places a lone node in the middle and ignores edges to unknown nodes', () => {
    expect(forceLayout([{ id: 'x' }], [{ a: 'x', b: 'y', weight: 1 }], { width: 100, height: 80 })).toEqual([{ id: 'x', x: 50, y: 40 }]);
    expect(forceLayout([], [], { width: 100, height: 80 })).toEqual([]);
  });
});
