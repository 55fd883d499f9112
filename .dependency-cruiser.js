/**
 * Architecture rules (ARCHITECTURE.md "Rules that keep it simple"):
 * - a domain module imports another module only through that module's contracts.ts;
 * - libs/ never imports src/;
 * - a module's domain/ folder imports no framework.
 */
const MODULES = '(cities|projects|exchanges|notifications|live|auth)';

module.exports = {
  forbidden: [
    {
      name: 'modules-talk-through-contracts',
      comment: 'Import another module only through its contracts.ts (commands, queries, events).',
      severity: 'error',
      from: { path: `^src/${MODULES}/` },
      to: {
        path: `^src/${MODULES}/`,
        pathNot: [`^src/$1/`, `^src/${MODULES}/contracts\\.ts$`],
      },
    },
    {
      name: 'outside-modules-use-contracts',
      comment: 'Shared code and bootstrap code may use a module only through its contracts.ts (app.module and main excepted).',
      severity: 'error',
      from: { path: '^src/(shared|common|infra|ops|config)/' },
      to: { path: `^src/${MODULES}/`, pathNot: `^src/${MODULES}/contracts\\.ts$` },
    },
    {
      name: 'libs-never-import-src',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'domain-is-framework-free',
      comment: 'Aggregates hold state and rules only.',
      severity: 'error',
      from: { path: `^src/${MODULES}/domain/` },
      to: { path: 'node_modules/(@nestjs|mongoose|bullmq|ioredis|socket\\.io)' },
    },
    {
      name: 'no-circular',
      comment: 'Runtime import cycles (type-only imports erase at compile time and are allowed).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
