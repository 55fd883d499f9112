import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * ASVS 2.1.7: refuse the passwords most found in breaches, offline. The list is the password
 * dictionary of `@zxcvbn-ts/language-common` (about 49,000 entries, most common first); a password
 * is refused when its lower-cased form is in it. A plain membership check, not a zxcvbn score: it
 * refuses exactly what attackers try first, is predictable for the user (no opaque strength meter)
 * and costs a Set lookup. The minimum length rules stay beside it.
 */
let common: ReadonlySet<string> | undefined;

/** The minimum length of a password that is set (the DTOs' @MinLength). */
export const PASSWORD_MIN_LENGTH = 10;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE =
  'is one of the most common passwords found in data breaches; choose another (a passphrase of a few unrelated words works well)';

/**
 * For every DTO field where a password is set, beside @MinLength(PASSWORD_MIN_LENGTH): a password
 * that is too short is left to that rule, so a field gets one error.
 */
export function IsNotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotCommonPassword',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value.length < PASSWORD_MIN_LENGTH || !isCommonPassword(value),
        defaultMessage: () => `$property ${COMMON_PASSWORD_MESSAGE}`,
      },
    },
    options,
  );
}
