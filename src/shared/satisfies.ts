import { InvalidInputError } from '@app/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A class-validator decorator that runs a domain value rule (a function that throws
 * `InvalidInputError` for a bad value) and reports its message as the field error. One rule, one
 * wording, whether the value came in a request body, a CSV row or a seed:
 *
 *   @Satisfies(countryCode) country!: string;
 *
 * Combine with `@IsOptional()` for optional fields (null and undefined then skip the rule).
 */
export function Satisfies(rule: (value: unknown) => unknown, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'satisfies',
      validator: {
        validate: (value: unknown) => problemOf(rule, value) === null,
        defaultMessage: (args) => problemOf(rule, args?.value) ?? `${args?.property ?? 'value'} is invalid`,
      },
    },
    options,
  );
}

function problemOf(rule: (value: unknown) => unknown, value: unknown): string | null {
  try {
    rule(value);
    return null;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message;
    throw error;
  }
}
