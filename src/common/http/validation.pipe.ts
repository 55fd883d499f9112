import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem';

/** Flattens class-validator's tree into `{field: 'location.lat', message}` entries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Thrown for every 400 with field errors; the problem filter renders its `errors` (and `detail`, when given). */
export class InputValidationException extends BadRequestException {
  constructor(
    readonly fieldErrors: FieldError[],
    readonly detail?: string,
  ) {
    super(fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Nest's ValidationPipe validates a body that is not an object (an array, a string, a number,
 * `null`) as if it were `{}` — and a DTO without required fields (an action that takes no input,
 * an all-optional PATCH) then lets the command run. A body, when sent, must be a JSON object.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      metadata.type === 'body' &&
      value !== undefined &&
      this.toValidate(metadata) &&
      (value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new InputValidationException(
        [{ field: 'body', message: `must be a JSON object, not ${kindOf(value)}` }],
        'The request body must be a JSON object.',
      );
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are errors (not silently stripped) and query strings are converted to types. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}
