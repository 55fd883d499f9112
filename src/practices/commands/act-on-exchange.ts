import type { CommandContext } from '@app/events';
import type { Exchange } from '../domain/exchange';
import { actorFrom, type PracticeActor } from '../domain/practice-policy';
import type { ExchangeRepository } from '../persistence/exchange.repository';
import { ExchangeView } from '../queries/get-exchange/exchange.view';

/**
 * One use case of an exchange by the context's actor (accept, decline, cancel, complete): load,
 * `act`, save, and the exchange as saved; again on the fresh exchange when the other side acted
 * meanwhile.
 */
export function actOnExchange(
  exchanges: ExchangeRepository,
  exchangeId: string,
  ctx: CommandContext,
  act: (exchange: Exchange, actor: PracticeActor) => void,
): Promise<ExchangeView> {
  return exchanges.change(exchangeId, async (exchange) => {
    act(exchange, actorFrom(ctx));
    await exchanges.save(exchange, ctx);
    return ExchangeView.saved(exchange);
  });
}
