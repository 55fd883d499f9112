export { ApiClient, type ApiResponse } from './api-client';
export { expectForbidden, expectInvalid, expectNotFound, expectRule, refused, thrown, type Refusable } from './domain-error-expectations';
export { freePort } from './free-port';
export { onlyPendingEvent, pendingEvents, type EventDefinition } from './pending-events';
export { RedisServerMissingError, RedisServerProcess } from './redis-server';
export { TestClock } from './test-clock';
export { TestServices } from './test-services';
export { waitFor } from './wait-for';
