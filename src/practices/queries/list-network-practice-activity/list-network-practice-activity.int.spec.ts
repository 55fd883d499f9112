import { useModuleTestApp } from '@app/testing';
import { AcceptExchangeCommand } from '../../commands/accept-exchange/accept-exchange.command';
import { CancelExchangeCommand } from '../../commands/cancel-exchange/cancel-exchange.command';
import { CompleteExchangeCommand } from '../../commands/complete-exchange/complete-exchange.command';
import { DeclineExchangeCommand } from '../../commands/decline-exchange/decline-exchange.command';
import { HidePracticeCommand } from '../../commands/hide-practice/hide-practice.command';
import { RequestExchangeCommand } from '../../commands/request-exchange/request-exchange.command';
import { SharePracticeCommand } from '../../commands/share-practice/share-practice.command';
import type { SharePracticeDto } from '../../commands/share-practice/share-practice.dto';
import type { ExchangeFormat } from '../../domain/exchange-state';
import { contextOf, createPracticesTestModule } from '../../testing/practices-test-module';
import { ListNetworkPracticeActivityQuery } from './list-network-practice-activity.query';

/** The network-wide read for partner suggestions, against the MongoDB protocol (cities faked). */
describe('ListNetworkPracticeActivityQuery (MongoDB)', () => {
  const app = useModuleTestApp('network_activity_int', createPracticesTestModule);

  const as = (cityId: string) => contextOf(cityId);
  const share = async (by: string, overrides: Partial<SharePracticeDto>) =>
    app.commands.execute(
      new SharePracticeCommand(
        {
          summary: 'A summary',
          body: 'A body that no one else needs',
          sdgs: [11],
          language: 'en',
          title: 'T',
          field: 'music',
          tags: [],
          ...overrides,
        },
        as(by),
      ),
    );
  const ask = async (practiceId: string, by: string, format: ExchangeFormat = 'study-visit') =>
    (await app.commands.execute(new RequestExchangeCommand(practiceId, { message: 'A private message', format }, as(by)))).id;
  const accept = (id: string, host: string) => app.commands.execute(new AcceptExchangeCommand(id, 'Welcome', as(host)));

  it('answers every published practice as a topic and the exchanges that tied the city, either side', async () => {
    const flamenco = await share('sevilla', { title: 'Flamenco schools', field: 'music', tags: ['flamenco'] });
    const designWeeks = await share('bilbao', { title: 'Design weeks', field: 'design', tags: ['heritage', 'young designers'] });
    const patios = await share('granada', { title: 'Reading in the patios', field: 'literature', tags: [] });

    // Terrassa visited Sevilla (completed); Sevilla asked Bilbao (accepted) and Granada (accepted, then the practice was hidden).
    const visited = await ask(flamenco.id, 'terrassa');
    await accept(visited, 'sevilla');
    await app.commands.execute(new CompleteExchangeCommand(visited, { feedback: 'Private feedback', rating: 5 }, as('terrassa')));
    const toBilbao = await ask(designWeeks.id, 'sevilla', 'mentoring');
    await accept(toBilbao, 'bilbao');
    const toGranada = await ask(patios.id, 'sevilla', 'online');
    await accept(toGranada, 'granada');
    await app.commands.execute(new HidePracticeCommand(patios.id, 'Advertising', contextOf(null, 'admin')));
    // No tie: declined, cancelled and unanswered requests, and exchanges between two other cities.
    await app.commands.execute(new DeclineExchangeCommand(await ask(flamenco.id, 'lliria'), 'No', as('sevilla')));
    await app.commands.execute(new CancelExchangeCommand(await ask(flamenco.id, 'burgos'), 'Changed our minds', as('burgos')));
    await ask(flamenco.id, 'valencia');
    await accept(await ask(designWeeks.id, 'lliria'), 'bilbao');

    const activity = await app.queries.execute(new ListNetworkPracticeActivityQuery('sevilla'));
    expect(activity.practices).toEqual([
      { id: designWeeks.id, title: 'Design weeks', authorCityId: 'bilbao', field: 'design', tags: ['heritage', 'young designers'] },
      { id: flamenco.id, title: 'Flamenco schools', authorCityId: 'sevilla', field: 'music', tags: ['flamenco'] },
    ]);
    expect(activity.exchanges).toEqual([
      {
        id: toGranada,
        practiceId: patios.id,
        practiceTitle: null,
        hostCityId: 'granada',
        requesterCityId: 'sevilla',
        status: 'accepted',
        format: 'online',
      },
      {
        id: toBilbao,
        practiceId: designWeeks.id,
        practiceTitle: 'Design weeks',
        hostCityId: 'bilbao',
        requesterCityId: 'sevilla',
        status: 'accepted',
        format: 'mentoring',
      },
      {
        id: visited,
        practiceId: flamenco.id,
        practiceTitle: 'Flamenco schools',
        hostCityId: 'sevilla',
        requesterCityId: 'terrassa',
        status: 'completed',
        format: 'study-visit',
      },
    ]);

    const ofLliria = await app.queries.execute(new ListNetworkPracticeActivityQuery('lliria'));
    expect(ofLliria.exchanges.map((e) => [e.hostCityId, e.status])).toEqual([['bilbao', 'accepted']]);
    expect(ofLliria.practices).toEqual(activity.practices);
    expect((await app.queries.execute(new ListNetworkPracticeActivityQuery(''))).exchanges).toEqual([]);
  });
});
