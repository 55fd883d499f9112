import type { Document } from 'bson';

/** Server error codes we answer with; names match what a real server sends as `codeName`. */
export const Code = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  IllegalOperation: 20,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  CommandNotSupported: 115,
  ConflictingOperationInProgress: 117,
  TransactionTooOld: 225,
  NotImplemented: 238,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  OperationNotSupportedInTransaction: 263,
  ChangeStreamHistoryLost: 286,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
} as const;

const NAMES: Record<number, string> = Object.fromEntries(Object.entries(Code).map(([k, v]) => [v, k]));

/** A command failure, answered as `{ok: 0, errmsg, code, codeName, errorLabels?, ...extra}`. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Document = {},
    readonly labels: string[] = [],
  ) {
    super(message);
  }

  get codeName(): string {
    return NAMES[this.code] ?? `Location${this.code}`;
  }

  toReply(): Document {
    const reply: Document = { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
    if (this.labels.length) reply.errorLabels = this.labels;
    return reply;
  }
}

export const writeConflict = (): CommandError =>
  new CommandError(
    Code.WriteConflict,
    'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
    {},
    ['TransientTransactionError'],
  );

export const badValue = (message: string): CommandError => new CommandError(Code.BadValue, message);

/** mingo's messages for unknown operators, and what a server answers instead. */
const MINGO_ERRORS: [RegExp, number, (name: string) => string][] = [
  // Deliberately out of scope: a server has them, so they answer 238 rather than "unknown".
  [
    /^(\$where|\$function|\$accumulator)(?: operator)? requires 'scriptEnabled'/,
    Code.NotImplemented,
    (n) => `${n} is not supported by mongo-memory (no server-side JavaScript)`,
  ],
  [
    /^unknown query operator (\$near|\$nearSphere|\$geoWithin|\$geoIntersects|\$within|\$center|\$box|\$polygon)\b/,
    Code.NotImplemented,
    (n) => `${n} is not supported by mongo-memory (no geospatial queries)`,
  ],
  [/^unregistered pipeline operator (\$geoNear)\b/, Code.NotImplemented, (n) => `${n} is not supported by mongo-memory (no geospatial queries)`],
  [/^unregistered pipeline operator (\$\w+)/, 40324, (n) => `Unrecognized pipeline stage name: '${n}'`],
  [/^unknown query operator (\$\w+)/, Code.BadValue, (n) => `unknown operator: ${n}`],
  [/^unknown top level operator: (\$\w+)/, Code.BadValue, (n) => `unknown top level operator: ${n}`],
  [/^accumulator '(\$\w+)' is not registered/, 168, (n) => `Unrecognized expression '${n}'`],
];

/** Turns anything thrown while running a command (mingo errors included) into a CommandError. */
export function toCommandError(err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  const message = err instanceof Error ? err.message : String(err);
  for (const [pattern, code, text] of MINGO_ERRORS) {
    const m = pattern.exec(message);
    if (m) return new CommandError(code, text(m[1]));
  }
  // Anything else mingo rejects (bad arguments, unsupported operators) is the client's mistake too.
  return new CommandError(Code.BadValue, message);
}
