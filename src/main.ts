import 'reflect-metadata';
import { BootstrapAdminResult } from './auth/bootstrap/bootstrap-admin';
import { API_PREFIX, createApp } from './bootstrap/create-app';
import { startEmbeddedServices } from './bootstrap/embedded-services';
import { findWebDist } from './bootstrap/web-client';
import { closeOnSignals, runMain } from './bootstrap/process-lifecycle';
import { AppConfig } from './config/app-config';

/** The HTTP + WebSocket process (and, unless RUN_WORKERS=false, the BullMQ workers). */
async function main(): Promise<void> {
  // `npm start -- --in-memory`: a throw-away run of the embedded default.
  const inMemory = process.argv.includes('--in-memory') ? { EMBEDDED_IN_MEMORY: 'true' } : {};
  const declared = AppConfig.load({ ...process.env, ...inMemory });
  const embedded = await startEmbeddedServices(declared.env);
  const config = AppConfig.load({ ...process.env, ...inMemory, ...embedded.env });
  const app = await createApp(config, { workers: config.env.RUN_WORKERS });
  await app.listen({ port: config.env.PORT, host: config.env.HOST });

  const address = app.getHttpServer().address() as { port: number };
  const base = config.env.PUBLIC_URL ?? `http://localhost:${address.port}`;
  const admin = app.get(BootstrapAdminResult).created;
  const lines = [
    '',
    `Creative Cities Exchange is running at ${base}/${findWebDist() ? '' : '   (web client not built: npm run build:web)'}`,
    `  API: ${base}/${API_PREFIX}     API docs: ${base}/docs     health: ${base}/health     metrics: ${base}/metrics`,
    ...embedded.describe().map((l) => `  ${l}`),
    config.env.SMTP_URL
      ? `  Mail: SMTP ${new URL(config.env.SMTP_URL).host}`
      : `  Mail (no SMTP_URL): kept in the development mailbox, read by admins in the web client (Admin → Mailbox) or at ${base}/${API_PREFIX}/admin/mailbox`,
    ...(admin
      ? [
          `  Admin created: ${admin.email} / ${admin.generated ? `${admin.password}   (generated; shown only once)` : '(password from ADMIN_PASSWORD)'}`,
        ]
      : []),
    ...(config.jwtSecretGenerated ? ['  JWT_SECRET not set: a generated secret kept in the database (settings collection) is used.'] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  closeOnSignals('shutting down…', 15_000, async () => {
    await app.close();
    await embedded.stop(); // the embedded MongoDB and Redis stop last
  });
}

runMain(main);
