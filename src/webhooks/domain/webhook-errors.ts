import { InvalidInputError, RuleViolation } from '@app/domain';

/** The URL cannot be delivered to: not http(s), credentials in it, or its host resolves to a refused address. */
export class WebhookTargetRefused extends InvalidInputError {
  constructor(message: string) {
    super('url', message);
  }
}

export class WebhookLimitReached extends RuleViolation {
  constructor(limit: number) {
    super('webhook.limit-reached', `A city (or the network) may have at most ${limit} webhooks: delete one first`);
  }
}
