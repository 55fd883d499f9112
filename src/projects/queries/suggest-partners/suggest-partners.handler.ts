import { QueryBus, QueryHandler, QueryHandlerNotFoundException, type IQueryHandler } from '@nestjs/cqrs';
import { ListCitySummariesQuery, type CitySummary } from '../../../cities/contracts';
import { CountRegionLinksQuery, type RegionLink } from '../../../insight/contracts';
import { ListNetworkPracticeActivityQuery } from '../../../practices/contracts';
import { NotFoundError } from '@app/domain';
import { suggestPartners } from '../../domain/partner-suggestions';
import { ProjectReadRepository } from '../../persistence/project-read.repository';
import type { PartnerSuggestionView } from './partner-suggestion.view';
import { SuggestPartnersQuery } from './suggest-partners.query';

/**
 * Gathers what the pure `suggestPartners` scores: every city (cities module), from our own projects
 * the SDGs of each city's past projects and how often each city worked with the lead, and from the
 * practices module, in one query for the whole network, every published practice and the
 * exchanges that tied the lead to other cities, and from the insight module how many
 * collaborations link the lead's region with each other one in the project's fields.
 */
@QueryHandler(SuggestPartnersQuery)
export class SuggestPartnersHandler implements IQueryHandler<SuggestPartnersQuery> {
  constructor(
    private readonly projects: ProjectReadRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ projectId, limit }: SuggestPartnersQuery): Promise<PartnerSuggestionView[]> {
    const project = await this.projects.findById(projectId);
    if (!project) throw new NotFoundError('project', projectId);

    // Past projects together, this one left out: a partner of this project is not a "past" one.
    const [cities, pastSdgs, collaborationsWithLead, practiceActivity] = await Promise.all([
      this.queries.execute(new ListCitySummariesQuery()),
      this.projects.pastSdgsByCity(projectId),
      this.projects.projectsTogetherWith(project.leadCityId, projectId),
      this.queries.execute(new ListNetworkPracticeActivityQuery(project.leadCityId)),
    ]);
    const lead = cities.find((c) => c.id === project.leadCityId);
    if (!lead) return []; // nothing to compare with (a lead city removed from the network)
    const regionLinks = await this.regionLinks(lead.region, project.fields);

    const context = {
      lead,
      pastSdgs,
      collaborationsWithLead,
      practices: practiceActivity.practices,
      exchangesWithLead: practiceActivity.exchanges,
      regionLinks,
    };
    const ranked = suggestPartners(project, cities, context, limit);
    return ranked.map(({ city, score, reasons }) => ({ city: cityView(city as CitySummary), score, reasons }));
  }

  /** Without the insight module (the projects module's own tests), suggestions go on without this factor. */
  private async regionLinks(region: CitySummary['region'], fields: readonly CitySummary['field'][]): Promise<RegionLink[] | undefined> {
    try {
      return await this.queries.execute(new CountRegionLinksQuery(region, fields));
    } catch (error) {
      if (error instanceof QueryHandlerNotFoundException) return undefined;
      throw error;
    }
  }
}

function cityView(c: CitySummary): PartnerSuggestionView['city'] {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    country: c.country,
    region: c.region,
    field: c.field,
    designationYear: c.designationYear,
    languages: [...c.languages],
  };
}
