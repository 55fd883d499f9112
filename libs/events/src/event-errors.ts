/**
 * Errors of the event backbone itself. They are programming or configuration mistakes (an
 * unregistered type, a payload that breaks its schema), so they are plain Errors: a 500, not a 409.
 */
export class EventRegistrationError extends Error {
  override readonly name = 'EventRegistrationError';
}

export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
  constructor(readonly type: string) {
    super(`Event type "${type}" is not registered: add its class to EventsModule.forRoot({ events }) or EventsModule.forFeature([...])`);
  }
}

export class InvalidEventPayloadError extends Error {
  override readonly name = 'InvalidEventPayloadError';
  constructor(
    readonly type: string,
    readonly issues: string[],
  ) {
    super(`Payload of event "${type}" does not match its schema: ${issues.join('; ')}`);
  }
}
