import { Decimal128, ObjectId } from 'bson';
import { arithmetic, compareValues, keyString } from '../src/values';
import { Framer } from '../src/wire';

describe('BSON values', () => {
  it('orders types as a server does', () => {
    const values = [true, new Date(0), new ObjectId(), 'b', 3n, null, { a: 1 }, [1], 2.5];
    const sorted = [...values].sort(compareValues);
    expect(
      sorted.map((v) =>
        v === null
          ? 'null'
          : Array.isArray(v)
            ? 'array'
            : v instanceof Date
              ? 'date'
              : typeof v === 'object'
                ? (v as object).constructor.name
                : typeof v,
      ),
    ).toEqual(['null', 'number', 'bigint', 'string', 'Object', 'array', 'ObjectId', 'boolean', 'date']);
  });

  it('gives equal numbers of any type the same hash key', () => {
    const keys = [5, 5n, Decimal128.fromString('5.00'), Decimal128.fromString('5E0')].map(keyString);
    expect(new Set(keys).size).toBe(1);
    expect(keyString(0.1)).toBe(keyString(Decimal128.fromString('0.10')));
    expect(keyString('5')).not.toBe(keyString(5));
    expect(keyString({ a: 1, b: 2 })).not.toBe(keyString({ b: 2, a: 1 }));
    expect(keyString({ a: 'x,"b":s1:y' })).not.toBe(keyString({ a: 'x', b: 'y' }));
    expect(keyString(['a,s1:b'])).not.toBe(keyString(['a', 'b']));
  });

  it('does exact int64 and decimal arithmetic', () => {
    expect(arithmetic('add', 2n ** 62n, 2n ** 62n - 1n)).toBe(2n ** 63n - 1n);
    expect(() => arithmetic('add', 2n ** 62n, 2n ** 62n)).toThrow(/overflow/);
    expect(arithmetic('add', 5n, 0.5)).toBe(5.5);
    expect(String(arithmetic('add', Decimal128.fromString('1.50'), 1))).toBe('2.50');
    expect(String(arithmetic('mul', Decimal128.fromString('0.1'), Decimal128.fromString('0.2')))).toBe('0.02');
  });
});

describe('Framer', () => {
  const message = (n: number) => {
    const b = Buffer.alloc(16 + n, n);
    b.writeInt32LE(16 + n, 0);
    return b;
  };

  it('joins split messages and splits merged ones', () => {
    const framer = new Framer();
    const [a, b] = [message(3), message(5)];
    const both = Buffer.concat([a, b]);
    expect(framer.push(both.subarray(0, 2))).toEqual([]);
    expect(framer.push(both.subarray(2, 20))).toEqual([a]);
    expect(framer.push(both.subarray(20))).toEqual([b]);
    expect(framer.push(Buffer.concat([a, b, a]))).toEqual([a, b, a]);
  });

  it('refuses impossible lengths', () => {
    const bad = Buffer.alloc(16);
    bad.writeInt32LE(3, 0);
    expect(() => new Framer().push(bad)).toThrow(/invalid message length/);
  });
});
