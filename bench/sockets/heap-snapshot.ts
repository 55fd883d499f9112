/**
 * A minimal reader of V8 .heapsnapshot files, for bench/sockets/heap-diff.ts: the objects a later
 * snapshot of the same process has that an earlier one had not (V8 keeps object ids across
 * snapshots), grouped by constructor and by where the new subgraph hangs from the old heap.
 */
import { readFileSync } from 'node:fs';

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export class HeapGraph {
  readonly count: number;
  readonly ids: Float64Array;
  readonly selfSize: Float64Array;
  readonly names: string[];
  /** Out-edges of node i: edgeTo/edgeName[firstEdge[i] .. firstEdge[i + 1]). */
  readonly firstEdge: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly edgeName: string[];
  readonly edgeStrong: Uint8Array;

  constructor(file: string) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
    const { node_fields, node_types, edge_fields, edge_types } = raw.snapshot.meta;
    const nf = node_fields.length;
    const ef = edge_fields.length;
    const [nType, nName, nId, nSize, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => node_fields.indexOf(f));
    const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => edge_fields.indexOf(f));
    this.count = raw.nodes.length / nf;
    this.ids = new Float64Array(this.count);
    this.selfSize = new Float64Array(this.count);
    this.names = new Array<string>(this.count);
    this.firstEdge = new Uint32Array(this.count + 1);
    const edgeCount = raw.edges.length / ef;
    this.edgeTo = new Uint32Array(edgeCount);
    this.edgeName = new Array<string>(edgeCount);
    this.edgeStrong = new Uint8Array(edgeCount);
    let e = 0;
    for (let i = 0; i < this.count; i++) {
      const at = i * nf;
      const type = node_types[0][raw.nodes[at + nType]];
      const name = raw.strings[raw.nodes[at + nName]];
      this.ids[i] = raw.nodes[at + nId];
      this.selfSize[i] = raw.nodes[at + nSize];
      // Objects and closures by constructor / function name; strings and numbers by kind only.
      this.names[i] = type === 'object' || type === 'closure' || type === 'hidden' || type === 'native' ? `${name}` : `(${type})`;
      if (type === 'closure') this.names[i] = `${name || '(anonymous)'}()`;
      if (type === 'array') this.names[i] = `(array) ${name}`;
      this.firstEdge[i] = e;
      for (let k = 0; k < raw.nodes[at + nEdges]; k++, e++) {
        const eat = e * ef;
        const kind = edge_types[0][raw.edges[eat + eType]];
        const nameOrIndex = raw.edges[eat + eName];
        this.edgeTo[e] = raw.edges[eat + eTo] / nf;
        this.edgeName[e] = kind === 'element' || kind === 'hidden' ? `[${nameOrIndex}]` : raw.strings[nameOrIndex];
        this.edgeStrong[e] = kind === 'weak' || kind === 'shortcut' ? 0 : 1;
      }
    }
    this.firstEdge[this.count] = e;
  }

  /** A breadth-first tree from the root over strong edges: each node's parent and the edge's name. */
  tree(): { parent: Int32Array; via: string[] } {
    const parent = new Int32Array(this.count).fill(-2);
    const via = new Array<string>(this.count);
    const queue = new Uint32Array(this.count);
    let head = 0;
    let tail = 0;
    parent[0] = -1;
    queue[tail++] = 0;
    while (head < tail) {
      const n = queue[head++];
      for (let e = this.firstEdge[n]; e < this.firstEdge[n + 1]; e++) {
        const to = this.edgeTo[e];
        if (!this.edgeStrong[e] || parent[to] !== -2) continue;
        parent[to] = n;
        via[to] = this.edgeName[e];
        queue[tail++] = to;
      }
    }
    return { parent, via };
  }
}

export interface Group {
  key: string;
  count: number;
  bytes: number;
}

function top(groups: Map<string, Group>, limit: number): Group[] {
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, limit);
}

function add(groups: Map<string, Group>, key: string, bytes: number) {
  const g = groups.get(key) ?? { key, count: 0, bytes: 0 };
  g.count++;
  g.bytes += bytes;
  groups.set(key, g);
}

/**
 * The objects of `after` absent from `before`: by constructor (self sizes), and by their path in the
 * breadth-first tree: from the old object holding the new subgraph, down `depth` steps into it.
 */
export function diff(before: HeapGraph, after: HeapGraph, depth = 3, limit = 40) {
  const old = new Set<number>();
  for (let i = 0; i < before.count; i++) old.add(before.ids[i]);
  const byConstructor = new Map<string, Group>();
  const byPath = new Map<string, Group>();
  const closures = new Map<string, Group>();
  const { parent, via } = after.tree();
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < after.count; i++) {
    if (old.has(after.ids[i]) || parent[i] === -2) continue;
    const size = after.selfSize[i];
    bytes += size;
    count++;
    add(byConstructor, after.names[i], size);
    // Functions and their contexts by what holds them: names are often lost, holders are not.
    if (after.names[i].endsWith('()') || after.names[i] === 'system / Context') {
      const p = parent[i];
      add(closures, `${p >= 0 ? `${after.names[p]}.${via[i]}` : '(root)'} → ${after.names[i]}`.replace(/\[\d+\]/g, '[]'), size);
    }
    // Up the tree to the first old ancestor; keep the top `depth` steps below it.
    const steps: string[] = [];
    let n = i;
    while (parent[n] >= 0 && !old.has(after.ids[parent[n]])) {
      steps.push(`.${via[n]}`);
      n = parent[n];
    }
    const holder = parent[n] >= 0 ? `${after.names[parent[n]]}.${via[n]} → ` : '';
    const down = steps.reverse().slice(0, depth);
    // Element indices differ from socket to socket: drop them so that like paths add up.
    add(byPath, `${holder}${after.names[n]}${down.join('')}`.replace(/\[\d+\]/g, '[]'), size);
  }
  return { count, bytes, byConstructor: top(byConstructor, limit), byPath: top(byPath, limit), closures: top(closures, limit) };
}
