import 'reflect-metadata';
import { BootstrapAdminResult } from './auth/bootstrap/bootstrap-admin';
import { API_PREFIX, createApp } from './bootstrap/create-app';
import { startEmbeddedServices } from './bootstrap/embedded-services';
import { AppConfig, InvalidConfigError } from './config/app-config';

/** The HTTP + WebSocket process (and, unless RUN_WORKERS=false, the BullMQ workers). */
async function main(): Promise<void> {
  const declared = AppConfig.load(process.env);
  const embedded = await startEmbeddedServices(declared.env);
  const config = AppConfig.load({ ...process.env, ...embedded.env });
  const app = await createApp(config, { workers: config.env.RUN_WORKERS });
  await app.listen({ port: config.env.PORT, host: config.env.HOST });

  const address = app.getHttpServer().address() as { port: number };
  const base = config.env.PUBLIC_URL ?? `http://localhost:${address.port}`;
  const admin = app.get(BootstrapAdminResult).created;
  const lines = [
    '',
    `Creative Cities Exchange is running at ${base}/${API_PREFIX}`,
    `  API docs:  ${base}/docs     health: ${base}/health     metrics: ${base}/metrics`,
    ...embedded.describe().map((l) => `  ${l}`),
    ...(admin
      ? [`  Admin created: ${admin.email} / ${admin.generated ? `${admin.password}   (generated; shown only once)` : '(password from ADMIN_PASSWORD)'}`]
      : []),
    ...(config.jwtSecretGenerated ? ['  JWT_SECRET not set: a random secret is used, so tokens end with this process.'] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  // Graceful shutdown: Nest closes HTTP, sockets, workers then queues, then Redis and MongoDB
  // (see docs/decisions.md); the embedded services stop last.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal} received, shutting down…\n`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await embedded.stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof InvalidConfigError ? error.message : (error?.stack ?? error)}\n`);
  process.exit(1);
});
