export * from './aggregate-errors';
export * from './domain-errors';
