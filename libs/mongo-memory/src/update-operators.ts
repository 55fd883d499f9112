import { Timestamp, type Document } from 'bson';
import { CommandError, Code } from './errors';
import { elementMatcher, positionalIndex } from './element-match';
import { compileFilter, sortDocuments } from './query';
import { arithmetic, bsonType, cloneValue, compareValues, isNumeric, isPlainObject, plainNumber, valuesEqual } from './values';

/**
 * Update operators on concrete paths, as a server applies them: `$` is resolved from the query,
 * `$[]` and `$[id]` are expanded over the array elements (array filters tested on the document
 * before the update), then each path is applied in the server's order (field names compared
 * lexicographically, array indexes numerically), with the server's errors for impossible paths
 * (28), wrong types (2, 14) and own `__proto__` keys kept as data.
 */

type Container = Document | unknown[];

export interface ModifierOptions {
  filter?: Document;
  arrayFilters?: Document[];
}

const own = (o: Container, k: string): unknown =>
  Array.isArray(o) ? (/^\d+$/.test(k) ? o[Number(k)] : undefined) : Object.hasOwn(o, k) ? o[k] : undefined;

function put(o: Container, k: string, v: unknown): void {
  if (Array.isArray(o)) {
    const i = Number(k);
    while (o.length < i) o.push(null);
    o[i] = v;
  } else if (k === '__proto__') {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  } else {
    o[k] = v;
  }
}

/** MongoDB's type name of a value, for error messages. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 0x7fffffff ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  const t = bsonType(v);
  if (t) return { Decimal128: 'decimal', Binary: 'binData', ObjectId: 'objectId', BSONRegExp: 'regex' }[t] ?? t.toLowerCase();
  return 'object';
}

const short = (v: unknown): string => (Array.isArray(v) ? '[...]' : isPlainObject(v) ? '{...}' : String(v));

/** Where a path ends: its parent container (created on the way when `create`) and last field. */
function locate(doc: Document, path: string, create: boolean): { parent: Container; key: string } | undefined {
  const parts = path.split('.');
  let cur: Container = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (Array.isArray(cur) && !/^\d+$/.test(part)) {
      if (!create) return undefined;
      throw new CommandError(Code.PathNotViable, `Cannot create field '${part}' in element {${parts.slice(0, i).join('.')}: ${short(cur)}}`);
    }
    let next = own(cur, part);
    if (next === undefined || next === null) {
      if (!create) return undefined;
      if (next === null) throw new CommandError(Code.PathNotViable, `Cannot create field '${parts[i + 1]}' in element {${part}: null}`);
      next = {};
      put(cur, part, next);
    } else if (!Array.isArray(next) && !isPlainObject(next)) {
      if (!create) return undefined;
      throw new CommandError(Code.PathNotViable, `Cannot create field '${parts[i + 1]}' in element {${part}: ${short(next)}}`);
    }
    cur = next as Container;
  }
  const key = parts[parts.length - 1];
  if (Array.isArray(cur) && !/^\d+$/.test(key)) {
    if (!create) return undefined;
    throw new CommandError(Code.PathNotViable, `Cannot create field '${key}' in element {${parts.slice(0, -1).join('.')}: [...]}`);
  }
  return { parent: cur, key };
}

const getPath = (doc: Document, path: string): unknown => {
  const at = locate(doc, path, false);
  return at ? own(at.parent, at.key) : undefined;
};

// ---- positional paths ---------------------------------------------------------------------------

/** The identifier an array filter is about: the first segment of its first field (looking into $and/$or/$nor). */
function filterId(f: unknown): string | undefined {
  if (!isPlainObject(f)) return undefined;
  for (const [k, v] of Object.entries(f)) {
    if (!k.startsWith('$')) return k.split('.')[0];
    if (Array.isArray(v)) for (const sub of v) if (filterId(sub)) return filterId(sub);
  }
  return undefined;
}

const noPositionalMatch = () => new CommandError(Code.BadValue, 'The positional operator did not find the match needed from the query.');

/** The concrete paths a path with `$`, `$[]` or `$[id]` stands for in `doc`. */
function expand(doc: Document, path: string, options: ModifierOptions, used: Set<string>): string[] {
  const parts = path.split('.');
  const dollar = parts.indexOf('$');
  if (dollar >= 0) {
    if (parts.indexOf('$', dollar + 1) >= 0) throw new CommandError(Code.BadValue, `Too many positional (i.e. '$') elements found in path '${path}'`);
    const i = positionalIndex(doc, parts.slice(0, dollar).join('.'), options.filter, compileFilter);
    if (i === undefined) throw noPositionalMatch();
    parts[dollar] = String(i);
    return expand(doc, parts.join('.'), options, used);
  }
  const at = parts.findIndex((p) => p.startsWith('$['));
  if (at < 0) return [path];
  const field = parts.slice(0, at).join('.');
  const array = getPath(doc, field);
  if (!Array.isArray(array)) {
    if (array === undefined) throw new CommandError(Code.BadValue, `The path '${field}' must exist in the document in order to apply array updates.`);
    throw new CommandError(Code.BadValue, `Cannot apply array updates to non-array element ${parts[at - 1]}: ${short(array)}`);
  }
  const id = parts[at].slice(2, -1);
  let keep = (_el: unknown) => true;
  if (id) {
    const spec = options.arrayFilters?.find((f) => filterId(f) === id);
    if (!spec) throw new CommandError(Code.BadValue, `No array filter found for identifier '${id}' in path '${path}'`);
    used.add(id);
    const test = compileFilter(spec);
    keep = (el) => test({ [id]: el });
  }
  const rest = parts.slice(at + 1).join('.');
  return array.flatMap((el, i) => (keep(el) ? expand(doc, [field, String(i), rest].filter(Boolean).join('.'), options, used) : []));
}

/** A server's order of applying paths: component by component, numbers numerically. */
function comparePaths(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const nx = /^\d+$/.test(x[i]);
    const ny = /^\d+$/.test(y[i]);
    if (nx && ny) return Number(x[i]) - Number(y[i]);
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

// ---- the operators ------------------------------------------------------------------------------

let timestampCounter = 0;

function setValue(doc: Document, path: string, value: unknown): void {
  const { parent, key } = locate(doc, path, true)!;
  put(parent, key, value);
}

function unset(doc: Document, path: string): void {
  const at = locate(doc, path, false);
  if (!at || own(at.parent, at.key) === undefined) return;
  if (Array.isArray(at.parent)) at.parent[Number(at.key)] = null;
  else delete at.parent[at.key];
}

function numeric(doc: Document, op: string, path: string, operand: unknown): void {
  if ((op === '$inc' || op === '$mul') && !isNumeric(operand)) {
    throw new CommandError(
      Code.TypeMismatch,
      `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${short(operand)}}`,
    );
  }
  const current = getPath(doc, path);
  if (op === '$min' || op === '$max') {
    if (current !== undefined) {
      const c = compareValues(operand, current);
      if (op === '$min' ? c >= 0 : c <= 0) return;
    }
    return setValue(doc, path, cloneValue(operand));
  }
  if (current === undefined) return setValue(doc, path, op === '$inc' ? operand : arithmetic('mul', operand as number, 0));
  if (!isNumeric(current)) {
    throw new CommandError(
      Code.TypeMismatch,
      `Cannot apply ${op} to a value of non-numeric type. {_id: ${short(doc._id)}} has the field '${path.split('.').pop()}' of non-numeric type ${typeName(current)}`,
    );
  }
  setValue(doc, path, arithmetic(op === '$inc' ? 'add' : 'mul', current, operand as number));
}

function arrayAt(doc: Document, path: string, op: string, create: boolean): unknown[] | undefined {
  const current = getPath(doc, path);
  if (current === undefined) {
    if (!create) return undefined;
    const array: unknown[] = [];
    setValue(doc, path, array);
    return array;
  }
  if (Array.isArray(current)) return current;
  const field = path.split('.').pop();
  if (op === '$addToSet') {
    throw new CommandError(
      Code.BadValue,
      `Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${typeName(current)}`,
    );
  }
  if (op === '$pop') throw new CommandError(Code.TypeMismatch, `Path '${path}' contains an element of non-array type '${typeName(current)}'`);
  if (op === '$pull' || op === '$pullAll') throw new CommandError(Code.BadValue, 'Cannot apply $pull to a non-array value');
  throw new CommandError(
    Code.BadValue,
    `The field '${field}' must be an array but is of type ${typeName(current)} in document {_id: ${short(doc._id)}}`,
  );
}

const PUSH_MODIFIERS = ['$each', '$slice', '$sort', '$position'];

function push(doc: Document, path: string, arg: unknown): void {
  const spec = isPlainObject(arg) && Object.keys(arg).some((k) => PUSH_MODIFIERS.includes(k)) ? arg : { $each: [arg] };
  for (const k of Object.keys(spec)) if (!PUSH_MODIFIERS.includes(k)) throw new CommandError(Code.BadValue, `Unrecognized clause in $push: ${k}`);
  if (!Array.isArray(spec.$each))
    throw new CommandError(Code.BadValue, 'The argument to $each in $push must be an array but it was of type: ' + typeName(spec.$each));
  for (const k of ['$slice', '$position'] as const) {
    if (spec[k] !== undefined && !(Number.isInteger(Number(spec[k])) && isNumeric(spec[k]))) {
      throw new CommandError(Code.BadValue, `The value for ${k} must be an integer value but was given type: ${typeName(spec[k])}`);
    }
  }
  const array = arrayAt(doc, path, '$push', true)!;
  const items = spec.$each.map(cloneValue);
  let pos = spec.$position === undefined ? array.length : Number(spec.$position);
  if (pos < 0) pos = Math.max(0, array.length + pos);
  array.splice(Math.min(pos, array.length), 0, ...items);
  if (spec.$sort !== undefined) {
    const sorted = isPlainObject(spec.$sort)
      ? sortDocuments(array as Document[], spec.$sort)
      : [...array].sort((a, b) => compareValues(a, b) * (plainNumber(spec.$sort) === -1 ? -1 : 1));
    array.splice(0, array.length, ...sorted);
  }
  if (spec.$slice !== undefined) {
    const n = Number(spec.$slice);
    const kept = n >= 0 ? array.slice(0, n) : array.slice(Math.max(0, array.length + n));
    array.splice(0, array.length, ...kept);
  }
}

function addToSet(doc: Document, path: string, arg: unknown): void {
  const each = isPlainObject(arg) && Object.hasOwn(arg, '$each') ? arg.$each : [arg];
  if (!Array.isArray(each))
    throw new CommandError(Code.TypeMismatch, `The argument to $each in $addToSet must be an array but it was of type ${typeName(each)}`);
  const array = arrayAt(doc, path, '$addToSet', true)!;
  for (const v of each) if (!array.some((x) => valuesEqual(x, v))) array.push(cloneValue(v));
}

function pull(doc: Document, path: string, cond: unknown, all: boolean): void {
  if (all && !Array.isArray(cond)) throw new CommandError(Code.BadValue, `$pullAll requires an array argument but was given a ${typeName(cond)}`);
  const array = arrayAt(doc, path, all ? '$pullAll' : '$pull', false);
  if (!array) return;
  const drop = all ? (el: unknown) => (cond as unknown[]).some((v) => valuesEqual(el, v)) : elementMatcher(cond, compileFilter);
  const kept = array.filter((el) => !drop(el));
  array.splice(0, array.length, ...kept);
}

function pop(doc: Document, path: string, arg: unknown): void {
  arg = plainNumber(arg);
  if (arg !== 1 && arg !== -1) throw new CommandError(Code.FailedToParse, `$pop expects 1 or -1, found: ${short(arg)}`);
  const array = arrayAt(doc, path, '$pop', false);
  if (array?.length) {
    if (arg === 1) array.pop();
    else array.shift();
  }
}

function bit(doc: Document, path: string, arg: unknown): void {
  if (!isPlainObject(arg)) throw new CommandError(Code.BadValue, `The $bit modifier is not compatible with a ${typeName(arg)}`);
  const current = getPath(doc, path) ?? 0;
  if (!(typeof current === 'number' && Number.isInteger(current)) && typeof current !== 'bigint') {
    throw new CommandError(
      Code.BadValue,
      `Cannot apply $bit to a value of non-integral type. {_id: ${short(doc._id)}} has the field ${path} of non-integer type ${typeName(current)}`,
    );
  }
  let value: number | bigint = current as number | bigint;
  for (const [op, operand] of Object.entries(arg)) {
    if (!(typeof operand === 'number' && Number.isInteger(operand)) && typeof operand !== 'bigint') {
      throw new CommandError(Code.BadValue, `The $bit modifier field must be an Integer(32/64 bit); a '${typeName(operand)}' is not supported here`);
    }
    const big = typeof value === 'bigint' || typeof operand === 'bigint';
    const [a, b] = big ? [BigInt(value), BigInt(operand)] : [value as number, operand as number];
    if (op === 'and') value = big ? (a as bigint) & (b as bigint) : (a as number) & (b as number);
    else if (op === 'or') value = big ? (a as bigint) | (b as bigint) : (a as number) | (b as number);
    else if (op === 'xor') value = big ? (a as bigint) ^ (b as bigint) : (a as number) ^ (b as number);
    else throw new CommandError(Code.BadValue, `The $bit modifier only supports 'and', 'or', and 'xor', not '${op}' which is an unknown operator`);
    if (big) value = BigInt.asIntN(64, value as bigint);
  }
  setValue(doc, path, value);
}

function currentDate(doc: Document, path: string, arg: unknown): void {
  const type = isPlainObject(arg) ? arg.$type : arg === true ? 'date' : undefined;
  if (type === 'timestamp') {
    setValue(doc, path, new Timestamp({ t: Math.floor(Date.now() / 1000), i: ++timestampCounter }));
  } else if (type === 'date' || arg === false) {
    setValue(doc, path, new Date());
  } else {
    throw new CommandError(
      Code.BadValue,
      `The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}`,
    );
  }
}

function rename(doc: Document, from: string, to: unknown): void {
  if (typeof to !== 'string' || !to) throw new CommandError(Code.BadValue, `The 'to' field for $rename must be a string: ${from}: ${short(to)}`);
  if (from === to) throw new CommandError(Code.BadValue, `The source and target field for $rename must differ: ${from}: "${to}"`);
  const at = locate(doc, from, false);
  if (at && Array.isArray(at.parent))
    throw new CommandError(
      Code.BadValue,
      `The source field cannot be an array element, '${from}' in doc with _id: ${short(doc._id)} has an array field called '${from.split('.').slice(-2)[0]}'`,
    );
  const value = at ? own(at.parent, at.key) : undefined;
  if (value === undefined) return;
  unset(doc, from);
  setValue(doc, to, value);
}

/** Applies a checked modifier (`{$op: {path: arg}}`, no conflicts, no `_id`) to `doc` in place. */
export function applyModifier(doc: Document, modifier: Document, options: ModifierOptions): void {
  const steps: { op: string; path: string; arg: unknown }[] = [];
  const used = new Set<string>();
  for (const [op, fields] of Object.entries(modifier) as [string, Document][]) {
    for (const [path, arg] of Object.entries(fields)) {
      if (path === '' || path.split('.').some((p) => p === '')) throw new CommandError(Code.BadValue, `An empty update path is not valid.`);
      for (const concrete of expand(doc, path, options, used)) steps.push({ op, path: concrete, arg });
    }
  }
  for (const f of options.arrayFilters ?? []) {
    const id = filterId(f);
    if (id && !used.has(id))
      throw new CommandError(
        Code.FailedToParse,
        `The array filter for identifier '${id}' was not used in the update ${JSON.stringify(Object.keys(modifier))}`,
      );
  }
  steps.sort((a, b) => comparePaths(a.path, b.path));
  for (const { op, path, arg } of steps) {
    switch (op) {
      case '$set':
        setValue(doc, path, cloneValue(arg));
        break;
      case '$unset':
        unset(doc, path);
        break;
      case '$inc':
      case '$mul':
      case '$min':
      case '$max':
        numeric(doc, op, path, arg);
        break;
      case '$push':
        push(doc, path, arg);
        break;
      case '$addToSet':
        addToSet(doc, path, arg);
        break;
      case '$pull':
        pull(doc, path, arg, false);
        break;
      case '$pullAll':
        pull(doc, path, arg, true);
        break;
      case '$pop':
        pop(doc, path, arg);
        break;
      case '$bit':
        bit(doc, path, arg);
        break;
      case '$currentDate':
        currentDate(doc, path, arg);
        break;
      case '$rename':
        rename(doc, path, arg);
        break;
    }
  }
}
