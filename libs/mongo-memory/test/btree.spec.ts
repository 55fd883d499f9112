import { BTree, type Cursor } from '../src/btree';

/** The B+tree under the ordered indexes, checked against a sorted array through random inserts and deletes. */
describe('BTree', () => {
  const walk = (tree: BTree<number>, c: Cursor<number>, dir: 1 | -1): number[] => {
    const out: number[] = [];
    for (let v = BTree.item(c); v !== undefined; BTree.step(c, dir), v = BTree.item(c)) out.push(v);
    return out;
  };

  it('keeps order, seeks both ways and survives deletes down to empty', () => {
    const tree = new BTree<number>((a, b) => a - b);
    const model = new Set<number>();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 20_000; i++) {
      const v = rand(5000);
      if (rand(3) === 0) expect(tree.delete(v)).toBe(model.delete(v));
      else if (!model.has(v)) {
        tree.insert(v);
        model.add(v);
      }
    }
    const sorted = [...model].sort((a, b) => a - b);
    expect(tree.size).toBe(sorted.length);
    expect(
      walk(
        tree,
        tree.seek(() => false),
        1,
      ),
    ).toEqual(sorted);
    expect(
      walk(
        tree,
        tree.seekLast(() => true),
        -1,
      ),
    ).toEqual([...sorted].reverse());
    expect(
      walk(
        tree,
        tree.seek((v) => v < 2500),
        1,
      ),
    ).toEqual(sorted.filter((v) => v >= 2500));
    expect(
      walk(
        tree,
        tree.seekLast((v) => v <= 2500),
        -1,
      ),
    ).toEqual(sorted.filter((v) => v <= 2500).reverse());
    for (const v of sorted) tree.delete(v);
    expect(tree.size).toBe(0);
    expect(BTree.item(tree.seek(() => false))).toBeUndefined();
    expect(BTree.item(tree.seekLast(() => true))).toBeUndefined();
    tree.insert(3);
    expect(
      walk(
        tree,
        tree.seek(() => false),
        1,
      ),
    ).toEqual([3]);
  });
});
