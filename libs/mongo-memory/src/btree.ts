/**
 * A B+tree of distinct entries under a total order: O(log n) insert, delete and seek, and walks in
 * either direction along linked leaves. Written here rather than taken from npm (no installs in this
 * step; `sorted-btree` would do the same job). Deletes drop empty nodes but do not rebalance
 * half-empty ones: a tree that shrank keeps its height, which costs little and keeps the code short.
 */

const MAX = 64;

interface Leaf<T> {
  leaf: true;
  items: T[];
  prev?: Leaf<T>;
  next?: Leaf<T>;
}

interface Inner<T> {
  leaf: false;
  /** seps[i] <= every item of children[i + 1], and > every item of children[i]. */
  seps: T[];
  children: Node<T>[];
}

type Node<T> = Leaf<T> | Inner<T>;

/** A position in the tree: an item of a leaf, or past either end when `leaf` is undefined. */
export interface Cursor<T> {
  leaf?: Leaf<T>;
  i: number;
}

export class BTree<T> {
  private root: Node<T> = { leaf: true, items: [] };
  size = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  insert(item: T): void {
    const split = this.insertInto(this.root, item);
    if (split) this.root = { leaf: false, seps: [split.sep], children: [this.root, split.node] };
    this.size++;
  }

  /** Removes the item equal to `item` under the order (true if it was there). */
  delete(item: T): boolean {
    const found = this.deleteFrom(this.root, item);
    if (!found) return false;
    this.size--;
    while (!this.root.leaf && this.root.children.length === 1) this.root = this.root.children[0];
    if (!this.root.leaf && this.root.children.length === 0) this.root = { leaf: true, items: [] };
    return true;
  }

  clear(): void {
    this.root = { leaf: true, items: [] };
    this.size = 0;
  }

  /**
   * The first item for which `before` is false; `before` must be true for a prefix of the order
   * (e.g. "item < bound"). Returns a cursor past the end when there is none.
   */
  seek(before: (item: T) => boolean): Cursor<T> {
    let node = this.root;
    while (!node.leaf) {
      let lo = 0;
      let hi = node.seps.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(node.seps[mid])) lo = mid + 1;
        else hi = mid;
      }
      node = node.children[lo];
    }
    let lo = 0;
    let hi = node.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(node.items[mid])) lo = mid + 1;
      else hi = mid;
    }
    return settle({ leaf: node, i: lo }, 1);
  }

  /** The last item for which `before` is true (a cursor before the start when there is none). */
  seekLast(before: (item: T) => boolean): Cursor<T> {
    const c = this.seek(before);
    if (c.leaf) {
      BTree.step(c, -1);
      return c;
    }
    let node = this.root;
    while (!node.leaf) node = node.children[node.children.length - 1];
    return settle({ leaf: node, i: node.items.length - 1 }, -1);
  }

  /** The item under a cursor (undefined past either end). */
  static item<T>(c: Cursor<T>): T | undefined {
    return c.leaf?.items[c.i];
  }

  /** Moves a cursor one item forward (dir 1) or back (dir -1), in place. */
  static step<T>(c: Cursor<T>, dir: 1 | -1): void {
    if (!c.leaf) return;
    c.i += dir;
    settle(c, dir);
  }

  private insertInto(node: Node<T>, item: T): { sep: T; node: Node<T> } | undefined {
    if (node.leaf) {
      node.items.splice(this.position(node.items, item), 0, item);
      if (node.items.length <= MAX) return undefined;
      const right: Leaf<T> = { leaf: true, items: node.items.splice(MAX >> 1), prev: node, next: node.next };
      if (node.next) node.next.prev = right;
      node.next = right;
      return { sep: right.items[0], node: right };
    }
    const k = this.childIndex(node, item);
    const split = this.insertInto(node.children[k], item);
    if (!split) return undefined;
    node.seps.splice(k, 0, split.sep);
    node.children.splice(k + 1, 0, split.node);
    if (node.children.length <= MAX) return undefined;
    const half = MAX >> 1;
    const right: Inner<T> = { leaf: false, seps: node.seps.splice(half), children: node.children.splice(half) };
    // The separator between the halves (now the left's last) moves up instead.
    const sep = node.seps.pop()!;
    return { sep, node: right };
  }

  /** Deletes from a subtree; returns false when absent. An emptied child is unlinked and dropped. */
  private deleteFrom(node: Node<T>, item: T): boolean {
    if (node.leaf) {
      const i = this.position(node.items, item);
      if (i >= node.items.length || this.compare(node.items[i], item) !== 0) return false;
      node.items.splice(i, 1);
      return true;
    }
    const k = this.childIndex(node, item);
    const child = node.children[k];
    if (!this.deleteFrom(child, item)) return false;
    const empty = child.leaf ? child.items.length === 0 : child.children.length === 0;
    if (empty) {
      if (child.leaf) {
        if (child.prev) child.prev.next = child.next;
        if (child.next) child.next.prev = child.prev;
      }
      node.children.splice(k, 1);
      node.seps.splice(k > 0 ? k - 1 : 0, 1);
    }
    return true;
  }

  /** Index of the first item >= `item`. */
  private position(items: T[], item: T): number {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(items[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The child whose range holds `item`: the number of separators <= item. */
  private childIndex(node: Inner<T>, item: T): number {
    let lo = 0;
    let hi = node.seps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(node.seps[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Moves a cursor that fell off its leaf onto the neighbouring leaf in `dir` (empty leaves are never linked). */
function settle<T>(c: Cursor<T>, dir: 1 | -1): Cursor<T> {
  while (c.leaf && (c.i >= c.leaf.items.length || c.i < 0)) {
    c.leaf = dir === 1 ? c.leaf.next : c.leaf.prev;
    if (c.leaf) c.i = dir === 1 ? 0 : c.leaf.items.length - 1;
  }
  return c;
}
