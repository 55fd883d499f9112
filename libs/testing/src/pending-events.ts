/** An event class as `defineEvent` makes it: its type and the schema the event store checks payloads against. */
export interface EventDefinition {
  readonly type: string;
  readonly schema: { parse(data: unknown): unknown };
}

/** Takes the aggregate's pending events, each checked against the schema of its type as the event store will. */
export function pendingEvents<E extends { type: string; data: unknown }>(
  aggregate: { pullPendingEvents(): E[] },
  definitions: readonly EventDefinition[],
): E[] {
  const events = aggregate.pullPendingEvents();
  for (const event of events) {
    const definition = definitions.find((d) => d.type === event.type);
    if (!definition) throw new Error(`no event definition for ${event.type}`);
    definition.schema.parse(event.data);
  }
  return events;
}

/** The one event the aggregate recorded (fails the test on none or more), checked against its schema. */
export function onlyPendingEvent<E extends { type: string; data: unknown }>(
  aggregate: { pullPendingEvents(): E[] },
  definitions: readonly EventDefinition[],
): E {
  const events = pendingEvents(aggregate, definitions);
  expect(events).toHaveLength(1);
  return events[0];
}
