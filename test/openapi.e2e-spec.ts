import { TestServices } from '@app/testing';
import { startApp, type RunningApp } from './support/test-app';

type Operation = { summary?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

/** The OpenAPI document tells the truth about every operation: what it does and what it answers. */
describe('OpenAPI document (/docs-json)', () => {
  let services: TestServices;
  let running: RunningApp;
  let operations: { name: string; op: Operation }[];

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    const doc = (await (await fetch(`${running.origin}/docs-json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  it('gives every operation a summary', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter(({ op }) => !op.summary?.trim()).map(({ name }) => name)).toEqual([]);
  });

  it('documents the success answer of every operation, with a body schema unless it answers 204', () => {
    const undocumented = operations.filter(({ op }) => {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) return true;
      return success.some(([status, response]) => status !== '204' && !Object.values(response.content ?? {}).some((c) => c.schema));
    });
    expect(undocumented.map(({ name }) => name)).toEqual([]);
  });
});
