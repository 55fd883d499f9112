import { QueryHandlerNotFoundException, type IQuery, type QueryBus } from '@nestjs/cqrs';
import { ListCitySummariesQuery } from '../../../cities/contracts';
import { CountRegionLinksQuery } from '../../../insight/contracts';
import { ListNetworkPracticeActivityQuery, type NetworkPracticeActivity } from '../../../practices/contracts';
import { Project } from '../../domain/project';
import { lead, proposal, TestClock } from '../../domain/testing/project-fixtures';
import type { ProjectReadRepository } from '../../persistence/project-read.repository';
import { FAKE_CITIES } from '../../testing/projects-test-module';
import { SuggestPartnersHandler } from './suggest-partners.handler';
import { SuggestPartnersQuery } from './suggest-partners.query';

/**
 * The handler's gathering, with the projects read side and the other modules' queries stubbed:
 * what it asks the practices module, and how suggestions go on without it. The scoring itself is
 * `domain/partner-suggestions.spec.ts`; the whole path over HTTP `test/partner-suggestions.e2e-spec.ts`.
 */
describe('SuggestPartnersHandler', () => {
  const project = Project.propose(
    proposal({ id: 'p-1', leadCityId: 'sevilla', title: 'Heritage sounds', summary: 'Concerts in old towns', fields: ['music'] }),
    lead,
    new TestClock().now,
  ).toSnapshot();
  const repository = {
    findById: async (id: string) => (id === project.id ? project : null),
    pastSdgsByCity: async () => ({}),
    projectsTogetherWith: async () => ({}),
  } as unknown as ProjectReadRepository;

  const activity: NetworkPracticeActivity = {
    practices: [
      { id: 'pr-1', title: 'Cinema in the courtyards', authorCityId: 'terrassa', field: 'film', tags: ['heritage'] },
      { id: 'pr-2', title: 'Old town tours', authorCityId: 'sevilla', field: 'music', tags: ['heritage'] },
    ],
    exchanges: [
      {
        id: 'ex-1',
        practiceId: 'pr-1',
        practiceTitle: 'Cinema in the courtyards',
        hostCityId: 'terrassa',
        requesterCityId: 'sevilla',
        status: 'completed',
        format: 'study-visit',
      },
    ],
  };

  /** A QueryBus answering the cities query, and the practices query as `practices` says. */
  function busWith(practices: (query: ListNetworkPracticeActivityQuery) => Promise<NetworkPracticeActivity>) {
    const asked: IQuery[] = [];
    const bus = {
      execute: async (query: IQuery) => {
        asked.push(query);
        if (query instanceof ListCitySummariesQuery) return FAKE_CITIES;
        if (query instanceof ListNetworkPracticeActivityQuery) return practices(query);
        throw new QueryHandlerNotFoundException(query.constructor.name);
      },
    } as unknown as QueryBus;
    return { bus, asked };
  }

  const reasonsOf = (suggestions: { city: { id: string }; reasons: string[] }[], cityId: string) =>
    suggestions.find((s) => s.city.id === cityId)?.reasons;

  it('asks the practices module once, for the lead’s exchanges, and explains with what it answers', async () => {
    const { bus, asked } = busWith(async () => activity);
    const suggestions = await new SuggestPartnersHandler(repository, bus).execute(new SuggestPartnersQuery(project.id, 50));
    const practiceQueries = asked.filter((q) => q instanceof ListNetworkPracticeActivityQuery);
    expect(practiceQueries).toEqual([new ListNetworkPracticeActivityQuery('sevilla')]);
    expect(reasonsOf(suggestions, 'terrassa')).toEqual([
      'Shared a practice on heritage: “Cinema in the courtyards”',
      'Hosted a study visit for Sevilla on “Cinema in the courtyards”',
      'Common language: Spanish',
    ]);
    expect(suggestions.map((s) => s.city.id)).not.toContain('sevilla');
  });

  it('fails as the practices module fails otherwise, rather than suggesting from half the facts', async () => {
    const { bus } = busWith(async () => {
      throw new Error('MongoDB is down');
    });
    await expect(new SuggestPartnersHandler(repository, bus).execute(new SuggestPartnersQuery(project.id, 5))).rejects.toThrow('MongoDB is down');
  });

  it('asks the insight module how the lead’s region links with the others in the project’s fields, and goes on without it', async () => {
    const dakar = {
      id: 'dakar',
      name: 'Dakar',
      slug: 'dakar',
      country: 'SN',
      region: 'africa' as const,
      field: 'music' as const,
      designationYear: 2014,
      languages: ['fr'],
    };
    const asked: IQuery[] = [];
    const busFor = (insight: boolean) =>
      ({
        execute: async (query: IQuery) => {
          asked.push(query);
          if (query instanceof ListCitySummariesQuery) return [...FAKE_CITIES, dakar];
          if (query instanceof ListNetworkPracticeActivityQuery) return activity;
          if (query instanceof CountRegionLinksQuery && insight) return [{ region: 'africa', projects: 1, exchanges: 0 }];
          throw new QueryHandlerNotFoundException(query.constructor.name);
        },
      }) as unknown as QueryBus;
    const suggestions = await new SuggestPartnersHandler(repository, busFor(true)).execute(new SuggestPartnersQuery(project.id, 50));
    expect(asked.filter((q) => q instanceof CountRegionLinksQuery)).toEqual([new CountRegionLinksQuery('europe-north-america', ['music'])]);
    expect(reasonsOf(suggestions, 'dakar')).toEqual([
      'Same creative field: Music',
      'Brings a new region: Africa',
      'Few projects link Europe and North America with Africa in music yet',
    ]);

    const plain = await new SuggestPartnersHandler(repository, busFor(false)).execute(new SuggestPartnersQuery(project.id, 50));
    expect(reasonsOf(plain, 'dakar')).toEqual(['Same creative field: Music', 'Brings a new region: Africa']);
  });
});
