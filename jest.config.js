// One Jest config for unit, integration and end-to-end suites. SWC compiles TypeScript with
// decorator metadata (Nest DI needs it) and is much faster than ts-jest.
const swcrc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swcrc.jsc.baseUrl;
delete swcrc.jsc.paths;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // NestJS 12 ships ES modules; Node 20 loads them with require(esm) at run time, but Jest's
    // module system (before Node 24.9) cannot, so Jest compiles them to CommonJS once (cached).
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs', ignoreDynamic: false }, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@bull-board|nestjs-pino|uid|load-esm|content-disposition)/)'],
  moduleNameMapper: {
    '^@app/(mongo-memory|events|testing|domain)$': '<rootDir>/libs/$1/src',
    '^@app/(mongo-memory|testing|domain)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
