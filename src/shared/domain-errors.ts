// The typed domain errors live in libs/domain so that libraries (libs/events) can use them too.
export * from '@app/domain';
