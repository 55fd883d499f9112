import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Verifier = (
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer | string,
  options?: { toleranceSeconds?: number; now?: number },
) => { id: string; type: string; at: string; data: unknown };

/**
 * The verification function published in docs/webhooks.md, taken from its code block and run as
 * is: the tests check real deliveries with the very code receivers copy.
 */
export function documentedVerifier(): Verifier {
  const markdown = readFileSync(join(__dirname, '../../docs/webhooks.md'), 'utf8');
  const block = [...markdown.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('function verifyCcxWebhook'));
  if (!block) throw new Error('docs/webhooks.md has no js block defining verifyCcxWebhook');
  return new Function('require', `${block}\nreturn verifyCcxWebhook;`)(require) as Verifier;
}
