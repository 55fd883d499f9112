import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { asFieldErrors, INPUT_LIMITS, inspectInput } from './input-inspection';
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
    if ((metadata.type !== 'body' && metadata.type !== 'query') || !this.toValidate(metadata)) return super.transform(value, metadata);
    // Field problems of the input (too many items, ill-formed text) are named beside the DTO's own
    // errors, so one answer names every wrong field; oversized parts are pruned before validation.
    const early = asFieldErrors(inspectInput(value, metadata.type, { prune: true }));
    let dto: unknown;
    try {
      dto = await super.transform(value, metadata);
    } catch (error) {
      if (!early.length || !(error instanceof InputValidationException)) throw error;
      const named = (field: string) => early.some((e) => field === e.field || field.startsWith(`${e.field}.`));
      throw limitFieldErrors([...early, ...error.fieldErrors.filter((e) => !named(e.field))]);
    }
    if (early.length) throw limitFieldErrors(early);
    return dto;
  }
}

/**
 * Keeps the errors of the first `INPUT_LIMITS.reported` fields (all of each one's messages), and
 * says how many fields were wrong in all: the answer stays small whatever the input.
 */
export function limitFieldErrors(errors: FieldError[]): InputValidationException {
  const fields = [...new Set(errors.map((e) => e.field))];
  if (fields.length <= INPUT_LIMITS.reported) return new InputValidationException(errors);
  const listed = new Set(fields.slice(0, INPUT_LIMITS.reported));
  return new InputValidationException(
    errors.filter((e) => listed.has(e.field)),
    `${fields.length} fields are invalid; the first ${INPUT_LIMITS.reported} are listed.`,
  );
}

/** Unknown fields are errors (not silently stripped) and query strings are converted to types. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => limitFieldErrors(flattenValidationErrors(errors)),
  });
}
