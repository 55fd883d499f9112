// One Jest config for unit, integration and end-to-end suites. SWC compiles TypeScript with
// decorator metadata (Nest DI needs it) and is much faster than ts-jest.
const swcrc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swcrc.jsc.baseUrl;
delete swcrc.jsc.paths;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@app/(mongo-memory|events|testing)$': '<rootDir>/libs/$1/src',
    '^@app/(mongo-memory|events|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
