export * from './aggregate-errors';
export * from './domain-errors';
export * from './retry-on-stale';
export * from './serial-by-key';
