export { MongoMemoryServer, type MongoMemoryServerOptions, type StartOptions } from './server';
