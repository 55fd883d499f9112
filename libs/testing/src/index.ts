export { ApiClient, type ApiResponse } from './api-client';
export { freePort } from './free-port';
export { RedisServerMissingError, RedisServerProcess } from './redis-server';
export { TestServices } from './test-services';
export { waitFor } from './wait-for';
