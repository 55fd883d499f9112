/**
 * Architecture rules (ARCHITECTURE.md "Rules that keep it simple"), from the bottom up:
 * - libs/ never imports src/, and outside a lib only its index (the @app/<lib> entry) is imported;
 * - foundations (shared, common, infra, config) import no domain module and no ops;
 * - ops (health, metrics) may use infra and a module's contracts.ts;
 * - a domain module imports another module only through that module's contracts.ts (commands,
 *   queries, events and their types; no HTTP decorators or persistence), and its
 *   domain/ folder imports no framework;
 * - the assembly (src/*.ts, src/bootstrap, src/cli) may import modules' *.module.ts and
 *   contracts.ts; anything else it needs from a module is a named exception below;
 * - nothing imports the assembly.
 */
const fs = require('node:fs');
const path = require('node:path');

const MODULES = '(cities|projects|practices|insight|notifications|mail|webhooks|live|auth|demo)';
const FOUNDATIONS = '^src/(shared|common|infra|config)/';
const ASSEMBLY = '^src/([^/]+\\.ts$|bootstrap/|cli/)';
const CONTRACTS = `^src/${MODULES}/contracts\\.ts$`;

/**
 * What the assembly may import from a module besides its *.module.ts files and contracts.ts: each
 * only from the file named, with the reason.
 */
const ASSEMBLY_EXCEPTIONS = [
  {
    name: 'main-prints-bootstrap-admin',
    from: '^src/main\\.ts$',
    to: '^src/auth/bootstrap/bootstrap-admin\\.ts$',
    why: 'main prints, once, the admin account AuthModule created at start-up (BootstrapAdminResult, read with app.get).',
  },
  {
    name: 'create-app-sets-socket-adapter',
    from: '^src/bootstrap/create-app\\.ts$',
    to: '^src/live/adapter/live-socket\\.adapter\\.ts$',
    why: 'the Socket.IO Redis adapter is set on the app (useWebSocketAdapter) before it starts; no module can provide it.',
  },
  {
    name: 'seed-script-runs-city-seeder',
    from: '^src/cli/seed\\.ts$',
    to: '^src/cities/seeding/city-seeder\\.ts$',
    why: 'the seed script runs the seeder that SEED_ON_START runs at start-up; no module sends a seed command.',
  },
  {
    name: 'seed-script-runs-demo-seeder',
    from: '^src/cli/seed\\.ts$',
    to: '^src/demo/demo-seeder\\.ts$',
    why: 'npm run seed -- --demo plays the demo scenario that SEED_DEMO plays at start-up; no module sends a demo command.',
  },
  {
    name: 'import-script-uses-import-cities-helpers',
    from: '^src/cli/import-cities\\.ts$',
    to: '^src/cities/commands/import-cities/(city-csv|import-cities\\.command|import-report)\\.ts$',
    why: 'the CSV import script parses the file, sends the command and prints the report with helpers of that use case; the command is not in contracts.ts as no module sends it.',
  },
];

/** The libs with a public entry (libs/<lib>/src/index.ts, imported as @app/<lib>). */
const LIBS_WITH_INDEX = fs
  .readdirSync(path.join(__dirname, 'libs'))
  .filter((lib) => fs.existsSync(path.join(__dirname, 'libs', lib, 'src', 'index.ts')));

module.exports = {
  forbidden: [
    {
      name: 'modules-talk-through-contracts',
      comment: 'Import another module only through its contracts.ts (commands, queries, events).',
      severity: 'error',
      from: { path: `^src/${MODULES}/` },
      to: {
        path: `^src/${MODULES}/`,
        pathNot: [`^src/$1/`, CONTRACTS],
      },
    },
    {
      name: 'contracts-hold-messages-only',
      comment:
        "A module's contracts.ts holds its commands, queries, events and their types: no HTTP decorators, guards, controllers or " +
        'persistence (route decorators live in src/common/http/auth.decorators.ts).',
      severity: 'error',
      from: { path: CONTRACTS },
      to: {
        path: [
          '^src/common/',
          `^src/${MODULES}/(http|guards|decorators|persistence)/`,
          '\\.(controller|guard|decorators?|schema|repository)\\.ts$',
          'node_modules/(@nestjs/(common|core|swagger|mongoose|platform-fastify)|mongoose|fastify)/',
        ],
      },
    },
    {
      name: 'foundations-stay-below-modules',
      comment:
        'shared, common (HTTP plumbing), infra and config serve every module: they import no domain module (not even its contracts), ' +
        'and no ops (nor the assembly: see nothing-imports-the-assembly). What they share with modules (e.g. the caller type) lives in src/shared or src/common.',
      severity: 'error',
      from: { path: FOUNDATIONS },
      to: { path: `^src/(ops|${MODULES})/` },
    },
    {
      name: 'ops-uses-contracts',
      comment: 'Operations (health, metrics) read infra and may use a module only through its contracts.ts.',
      severity: 'error',
      from: { path: '^src/ops/' },
      to: { path: `^src/${MODULES}/`, pathNot: CONTRACTS },
    },
    {
      name: 'assembly-uses-modules-and-contracts',
      comment:
        'The assembly (main, worker, app and worker modules, src/bootstrap, src/cli) wires modules: it imports their *.module.ts files and ' +
        'contracts.ts, never their internals (persistence/, domain/, handlers…), except for the ASSEMBLY_EXCEPTIONS.',
      severity: 'error',
      from: { path: ASSEMBLY },
      to: {
        path: `^src/${MODULES}/`,
        pathNot: [CONTRACTS, '\\.module\\.ts$', ...ASSEMBLY_EXCEPTIONS.map((e) => e.to)],
      },
    },
    ...ASSEMBLY_EXCEPTIONS.map((exception) => ({
      name: `assembly-exception-${exception.name}`,
      comment: `Only ${exception.from} may import ${exception.to}: ${exception.why}`,
      severity: 'error',
      from: { path: ASSEMBLY, pathNot: exception.from },
      to: { path: exception.to },
    })),
    {
      name: 'nothing-imports-the-assembly',
      comment: 'main, worker, their modules, src/bootstrap and src/cli sit on top: the code they assemble never imports them.',
      severity: 'error',
      from: { path: '^(src|libs)/', pathNot: ASSEMBLY },
      to: { path: ASSEMBLY },
    },
    {
      name: 'libs-never-import-src',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    ...LIBS_WITH_INDEX.map((lib) => ({
      name: `lib-${lib}-through-its-index`,
      comment: `Outside libs/${lib}, import it as @app/${lib} (libs/${lib}/src/index.ts, its public entry): its other files are internals.`,
      severity: 'error',
      from: { pathNot: `^libs/${lib}/` },
      to: { path: `^libs/${lib}/src/`, pathNot: `^libs/${lib}/src/index\\.ts$` },
    })),
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
