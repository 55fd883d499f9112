import { Decimal128 } from 'bson';
import { CommandError } from './errors';
import { valueType } from './numeric-types';
import { asDouble, bsonType, plainNumber } from './values';

/**
 * `$bucketAuto`'s `granularity`: rounding bucket boundaries up or down through a preferred number
 * series, as the server does (checked against src/mongo/db/pipeline/granularity_rounder.cpp,
 * granularity_rounder_preferred_numbers.cpp and granularity_rounder_powers_of_two.cpp).
 *
 * - The Renard, E and 1-2-5 series compute in doubles and answer a double (0 comes back as given).
 *   The same double operations in the same order as the server's, so the same roundings.
 * - POWERSOF2 answers `$pow(2, exponent)` with an int32 exponent: an int32 while it fits, an int64,
 *   then a double; a negative exponent gives a double (so 5.5 rounds up to the int32 8).
 * - Decimal128 values are rounded through their double value and answered as Decimal128 (the
 *   server computes in decimal: same value, its digits not checked).
 */

export interface Rounder {
  roundUp(v: unknown): unknown;
  roundDown(v: unknown): unknown;
}

const SERIES: Record<string, number[]> = {
  R5: [10, 16, 25, 40, 63],
  R10: [100, 125, 160, 200, 250, 315, 400, 500, 630, 800],
  R20: [100, 112, 125, 140, 160, 180, 200, 224, 250, 280, 315, 355, 400, 450, 500, 560, 630, 710, 800, 900],
  R40: [
    100, 106, 112, 118, 125, 132, 140, 150, 160, 170, 180, 190, 200, 212, 224, 236, 250, 265, 280, 300, 315, 355, 375, 400, 425, 450, 475, 500, 530,
    560, 600, 630, 670, 710, 750, 800, 850, 900, 950,
  ],
  R80: [
    103, 109, 115, 122, 128, 136, 145, 155, 165, 175, 185, 195, 206, 218, 230, 243, 258, 272, 290, 307, 325, 345, 365, 387, 412, 437, 462, 487, 515,
    545, 575, 615, 650, 690, 730, 775, 825, 875, 925, 975,
  ],
  '1-2-5': [10, 20, 50],
  E6: [10, 15, 22, 33, 47, 68],
  E12: [10, 12, 15, 18, 22, 27, 33, 39, 47, 56, 68, 82],
  E24: [10, 11, 12, 13, 15, 16, 18, 20, 22, 24, 27, 30, 33, 36, 39, 43, 47, 51, 56, 62, 68, 75, 82, 91],
  E48: [
    100, 105, 110, 115, 121, 127, 133, 140, 147, 154, 162, 169, 178, 187, 196, 205, 215, 226, 237, 249, 261, 274, 287, 301, 316, 332, 348, 365, 383,
    402, 422, 442, 464, 487, 511, 536, 562, 590, 619, 649, 681, 715, 750, 787, 825, 866, 909, 953,
  ],
  E96: [
    100, 102, 105, 107, 110, 113, 115, 118, 121, 124, 127, 130, 133, 137, 140, 143, 147, 150, 154, 158, 162, 165, 169, 174, 178, 182, 187, 191, 196,
    200, 205, 210, 215, 221, 226, 232, 237, 243, 249, 255, 261, 267, 274, 280, 287, 294, 301, 309, 316, 324, 332, 340, 348, 357, 365, 374, 383, 392,
    402, 412, 422, 432, 442, 453, 464, 475, 487, 499, 511, 523, 536, 549, 562, 576, 590, 604, 619, 634, 649, 665, 681, 698, 715, 732, 750, 768, 787,
    806, 825, 845, 866, 887, 909, 931, 953, 976,
  ],
  E192: [
    100, 101, 102, 104, 105, 106, 107, 109, 110, 111, 113, 114, 115, 117, 118, 120, 121, 123, 124, 126, 127, 129, 130, 132, 133, 135, 137, 138, 140,
    142, 143, 145, 147, 149, 150, 152, 154, 156, 158, 160, 162, 164, 165, 167, 169, 172, 174, 176, 178, 180, 182, 184, 187, 189, 191, 193, 196, 198,
    200, 203, 205, 208, 210, 213, 215, 218, 221, 223, 226, 229, 232, 234, 237, 240, 243, 246, 249, 252, 255, 258, 261, 264, 267, 271, 274, 277, 280,
    284, 287, 291, 294, 298, 301, 305, 309, 312, 316, 320, 324, 328, 332, 336, 340, 344, 348, 352, 357, 361, 365, 370, 374, 379, 383, 388, 392, 397,
    402, 407, 412, 417, 422, 427, 432, 437, 442, 448, 453, 459, 464, 470, 475, 481, 487, 493, 499, 505, 511, 517, 523, 530, 536, 542, 549, 556, 562,
    569, 576, 583, 590, 597, 604, 612, 619, 626, 634, 642, 649, 657, 665, 673, 681, 690, 698, 706, 715, 723, 732, 741, 750, 759, 768, 777, 787, 796,
    806, 816, 825, 835, 845, 856, 866, 876, 887, 898, 909, 920, 931, 942, 953, 965, 976, 988,
  ],
};

/** A numeric value as a double (the server's coerceToDouble); undefined when not a number. */
export function numberOf(v: unknown): number | undefined {
  const n = plainNumber(v);
  if (typeof n === 'number') return n;
  if (typeof n === 'bigint') return Number(n);
  if (bsonType(n) === 'Decimal128') return Number((n as Decimal128).toString());
  return undefined;
}

const isDecimal = (v: unknown) => bsonType(v) === 'Decimal128';
const decimalOf = (n: number) => Decimal128.fromString(String(n));

/** Rounds up to the first series value above `x` (scaled by a power of ten). */
function seriesUp(series: number[], x: number): number {
  const first = series[0];
  const last = series[series.length - 1];
  let multiplier = 1.0;
  while (x >= last * multiplier) multiplier *= 10.0;
  while (x < first * multiplier) {
    const previousMin = first * multiplier;
    multiplier /= 10.0;
    // Between the previous scale's minimum and this scale's maximum (0.8 in E6 rounds up to 1.0).
    if (x >= last * multiplier) return previousMin;
  }
  const s = series.find((v) => x < v * multiplier)!;
  return s * multiplier;
}

/** Rounds down to the last series value below `x` (scaled by a power of ten). */
function seriesDown(series: number[], x: number): number {
  const first = series[0];
  const last = series[series.length - 1];
  let multiplier = 1.0;
  while (x <= first * multiplier) multiplier /= 10.0;
  while (x > last * multiplier) {
    const previousMax = last * multiplier;
    multiplier *= 10.0;
    if (x <= first * multiplier) return previousMax;
  }
  const i = series.findIndex((v) => !(v * multiplier < x));
  return series[i - 1] * multiplier;
}

function preferredNumbers(series: number[]): Rounder {
  const round = (v: unknown, f: (series: number[], x: number) => number) => {
    const x = nonNegative(v, [40262, 40263, 40268]);
    if (x === 0) return v;
    const r = f(series, x);
    return isDecimal(v) ? decimalOf(r) : asDouble(r);
  };
  return { roundUp: (v) => round(v, seriesUp), roundDown: (v) => round(v, seriesDown) };
}

/** `$pow(2, exponent)` with int32 operands: int32, then int64, then double; a negative exponent gives a double. */
function powerOfTwo(exponent: number): unknown {
  if (exponent < 0) return 2 ** exponent;
  if (exponent <= 30) return 2 ** exponent;
  if (exponent <= 62) return 2n ** BigInt(exponent);
  return asDouble(2 ** exponent);
}

const bitLength = (n: bigint): number => n.toString(2).length;
/** An int32 or int64: the server finds their exponent from the bits. */
const isInteger = (v: unknown) => valueType(v) === 'int' || valueType(v) === 'long';

const powersOfTwo: Rounder = {
  roundUp(v) {
    const x = nonNegative(v, [40265, 40266, 40267]);
    if (x === 0) return v;
    if (isInteger(v)) return powerOfTwo(bitLength(BigInt(v as number | bigint)));
    const exponent = Math.floor(Math.log2(x)) + 1;
    return isDecimal(v) ? decimalOf(2 ** exponent) : powerOfTwo(exponent);
  },
  roundDown(v) {
    const x = nonNegative(v, [40265, 40266, 40267]);
    if (x === 0) return v;
    if (isInteger(v)) {
      const big = BigInt(v as number | bigint);
      const bits = bitLength(big);
      // A power of two rounds down to the one below it.
      return powerOfTwo((big & (big - 1n)) === 0n ? bits - 2 : bits - 1);
    }
    const exponent = Math.ceil(Math.log2(x)) - 1;
    return isDecimal(v) ? decimalOf(2 ** exponent) : powerOfTwo(exponent);
  },
};

/** The value as a non-negative double, or the rounder's error (codes: not numeric, NaN, negative). */
function nonNegative(v: unknown, [notNumeric, nan, negative]: number[]): number {
  const x = numberOf(v);
  if (x === undefined) throw new CommandError(notNumeric, 'A granularity rounder can only round numeric values');
  if (Number.isNaN(x)) throw new CommandError(nan, 'A granularity rounder cannot round NaN');
  if (x < 0) throw new CommandError(negative, 'A granularity rounder can only round non-negative numbers');
  return x;
}

/** The rounder named by a `granularity`, or error 40257 as on a server. */
export function granularityRounder(name: string): Rounder {
  if (name === 'POWERSOF2') return powersOfTwo;
  const series = Object.prototype.hasOwnProperty.call(SERIES, name) ? SERIES[name] : undefined;
  if (!series) throw new CommandError(40257, `Unknown rounding granularity '${name}'`);
  return preferredNumbers(series);
}
