import { ApiClient, TestServices } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, createApp } from '../../src/bootstrap/create-app';
import { AppConfig } from '../../src/config/app-config';

export interface RunningApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:PORT */
  origin: string;
  api: ApiClient;
  close(): Promise<void>;
}

/** Starts the whole application on a free port against this file's services, as production runs it. */
export async function startApp(services: TestServices, env: Record<string, string> = {}): Promise<RunningApp> {
  const config = AppConfig.load(services.env(env));
  const app = await createApp(config, { workers: config.env.RUN_WORKERS });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return { app, origin, api: new ApiClient(`${origin}/${API_PREFIX}`), close: () => app.close() };
}

/** Logs in and returns the access token (fails the test on anything but 200). */
export async function login(api: ApiClient, email: string, password: string): Promise<string> {
  const res = await api.post('/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}
