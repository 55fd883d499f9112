/**
 * Typed errors thrown by aggregates and handlers. They carry no HTTP knowledge: the one problem+json
 * filter (src/common/http/problem-details.filter.ts) maps each kind to its status, so a broken rule
 * is a 409 in exactly one place.
 */
export abstract class DomainError extends Error {
  /** Stable machine-readable code, e.g. `project.partner-already-invited`; becomes the problem `type`. */
  abstract readonly kind: 'rule' | 'not-found' | 'forbidden' | 'conflict' | 'invalid';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A rule of the domain forbids this now (wrong state, duplicate…) → 409. */
export class RuleViolation extends DomainError {
  readonly kind = 'rule' as const;
}

/** The stored version moved on since the client read it, or a unique key is taken → 409. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(resource: string, id: string) {
    super(`${resource}.not-found`, `${resource} ${id} does not exist`);
  }
}

/** Authenticated but not allowed → 403. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** Input that passes DTO validation but breaks a value rule (e.g. endDate before startDate) → 400. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-input', message);
  }
}
