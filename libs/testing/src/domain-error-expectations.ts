import { DomainError, ForbiddenError, InvalidInputError, NotFoundError, RuleViolation } from '@app/domain';

/** What `refused` needs of an aggregate: its state as a snapshot and whether it recorded events. */
export interface Refusable {
  toSnapshot(): unknown;
  readonly hasPendingEvents: boolean;
}

/**
 * Runs a command expected to be refused: returns the error after checking that it is a domain
 * error and that the aggregate neither changed nor recorded anything.
 */
export function refused<A extends Refusable>(aggregate: A, command: (aggregate: A) => unknown): DomainError {
  const before = JSON.stringify(aggregate.toSnapshot());
  const pendingBefore = aggregate.hasPendingEvents;
  let error: unknown;
  try {
    command(aggregate);
  } catch (e) {
    error = e;
  }
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  if (JSON.stringify(aggregate.toSnapshot()) !== before) throw new Error(`refused command changed the state (${error.code})`);
  if (aggregate.hasPendingEvents !== pendingBefore) throw new Error(`refused command recorded an event (${error.code})`);
  return error;
}

/** The error `command` throws (fails the test when it throws nothing). */
export function thrown(command: () => unknown): DomainError {
  try {
    command();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the command to throw');
}

/** An expectation that an error is a `type` (of this `kind`) whose `key` (its code or field) is the value given. */
function expectDomainError<K extends DomainError['kind']>(
  type: abstract new (...args: never[]) => DomainError & { kind: K },
  kind: K,
  key: 'code' | 'field',
) {
  return (error: Error, value: string): void => {
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ [key]: value, kind });
  };
}

/** A broken rule (→ 409) with this code. */
export const expectRule = expectDomainError(RuleViolation, 'rule', 'code');
/** A right the actor lacks (→ 403) with this code. */
export const expectForbidden = expectDomainError(ForbiddenError, 'forbidden', 'code');
/** A bad value (→ 400) naming this field. */
export const expectInvalid = expectDomainError(InvalidInputError, 'invalid', 'field');
/** Something that does not exist, or that the actor may not see (→ 404), with this code (`practice.not-found`…). */
export const expectNotFound = expectDomainError(NotFoundError, 'not-found', 'code');
