import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from './domain-errors';

/** The codes of a table of codes (`{ AlreadyHidden: 'practice.already-hidden', … } as const`). */
export type CodeOf<T extends Record<string, string>> = T[keyof T];

/** `<aggregate>.stale-version`: the code of the 409 when the stored version moved on since it was read. */
export const staleVersionCode = <A extends string>(aggregate: A) => `${aggregate}.stale-version` as const;

/**
 * The errors of one aggregate, typed by its tables of rule and right codes (each module keeps its
 * codes; never rename one): a broken rule (→ 409), a missing right (→ 403), a missing or unseen
 * aggregate (→ 404 `<aggregate>.not-found`) and a client's stale version (→ 409 `<aggregate>.stale-version`).
 */
export function aggregateErrors<Rule extends string, Right extends string>(aggregate: string) {
  return {
    rule: (code: Rule, message: string) => new RuleViolation(code, message),
    forbidden: (code: Right, message: string) => new ForbiddenError(code, message),
    notFound: (id: string) => new NotFoundError(aggregate, id),
    staleVersion: (expected: number, actual: number) =>
      new ConflictError(
        staleVersionCode(aggregate),
        `The ${aggregate} changed since version ${expected} was read (it is now at version ${actual}): reload it and apply the change again`,
      ),
  };
}
