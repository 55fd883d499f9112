import type { CommandContext } from '@app/events';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { ListCitySummariesQuery, type CitySummary } from '../cities/contracts';
import { AppConfig } from '../config/app-config';
import {
  AcceptExchangeCommand,
  CommentOnPracticeCommand,
  CompleteExchangeCommand,
  EndorsePracticeCommand,
  ListPracticesQuery,
  RequestExchangeCommand,
  SharePracticeCommand,
  type PracticeViewer,
} from '../practices/contracts';
import {
  AcceptInvitationCommand,
  CompleteProjectCommand,
  InvitePartnerCommand,
  ListProjectsQuery,
  PostProjectUpdateCommand,
  ProposeProjectCommand,
  StartProjectCommand,
} from '../projects/contracts';
import { MAX_PAGE_LIMIT } from '../shared/pagination';
import { DEMO_CITIES, demoScenario, type DemoCity, type DemoPractice, type DemoProject, type DemoScenario } from './demo-scenario';

/** What one run added. An item already there is skipped with everything that hangs on it. */
export interface DemoReport {
  projects: number;
  /** Partner invitations sent (accepted or still pending). */
  invitations: number;
  updates: number;
  practices: number;
  endorsements: number;
  comments: number;
  exchanges: number;
  /** Projects and practices of the scenario found already there. */
  alreadyThere: number;
}

/** One line for the seed script and the start-up log. */
export function formatDemoReport(r: DemoReport): string {
  const added = r.projects + r.practices;
  if (added === 0) return `Demo: already there (${r.alreadyThere} projects and practices).`;
  const line =
    `Demo: ${r.projects} projects, ${r.practices} practices, ${r.endorsements} endorsements, ${r.comments} comments, ` +
    `${r.exchanges} exchanges added`;
  return r.alreadyThere > 0 ? `${line}; ${r.alreadyThere} projects and practices were already there.` : `${line}.`;
}

/** Sees every practice, hidden ones too, so that a hidden demo practice is not shared a second time. */
const SYSTEM_VIEWER: PracticeViewer = { userId: null, cityId: null, role: 'system' };

/**
 * Plays the demo scenario (`demo-scenario.ts`) through the projects and practices modules'
 * commands, as each city in turn: a `city` context with no user (`actor.userId` null: the city
 * acts, no person), so every rule of the domain applies as if the cities' users had clicked, and
 * every event, notification and read model follows as usual.
 *
 * Idempotent by content, with no marker of its own: a project (by its lead city and title) or a
 * practice (by its author city and title) that is already there is skipped with its invitations,
 * updates, endorsements, comments and exchanges; the missing ones are played. A second run adds
 * nothing; a run stopped half-way is completed by the next (an item stopped half-way stays so).
 * Meant for one process at a time (the embedded start or the seed script): two runs racing on an
 * empty database could both add an item.
 *
 * Needs the seed cities: `npm run seed -- --demo` loads them first; at start-up it runs when
 * `SEED_DEMO` and the seed cities are loaded at start (`SEED_ON_START`, the embedded default).
 * `DemoModule` is imported after `CitiesModule`, so Nest runs its start-up hook after the cities'.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart || !this.config.env.SEED_DEMO) return;
    const report = await this.seed();
    this.logger.log(formatDemoReport(report));
  }

  async seed(scenario: DemoScenario = demoScenario()): Promise<DemoReport> {
    const cities = await this.seedCities();
    const correlationId = `demo:${randomUUID()}`;
    const player: Player = {
      id: (city) => cities.get(city)!.id,
      as: (city) => ({ actor: { userId: null, cityId: cities.get(city)!.id }, role: 'city', correlationId, causationId: null }),
    };
    const report: DemoReport = { projects: 0, invitations: 0, updates: 0, practices: 0, endorsements: 0, comments: 0, exchanges: 0, alreadyThere: 0 };
    for (const project of scenario.projects) {
      if (await this.hasProject(player.id(project.lead), project.title)) report.alreadyThere++;
      else await this.playProject(project, player, report);
    }
    for (const practice of scenario.practices) {
      if (await this.hasPractice(player.id(practice.author), practice.title)) report.alreadyThere++;
      else await this.playPractice(practice, cities.get(practice.author)!, player, report);
    }
    return report;
  }

  private async playProject(p: DemoProject, { id, as }: Player, report: DemoReport): Promise<void> {
    const { id: projectId } = await this.commands.execute(
      new ProposeProjectCommand(
        {
          title: p.title,
          summary: p.summary,
          description: p.description,
          fields: p.fields,
          actionAreas: p.actionAreas,
          sectors: p.sectors,
          sdgs: p.sdgs,
          startDate: p.startDate,
          endDate: p.endDate,
        },
        as(p.lead),
      ),
    );
    report.projects++;
    for (const partner of p.partners) {
      await this.commands.execute(new InvitePartnerCommand(projectId, { cityId: id(partner.city), message: partner.message }, as(p.lead)));
      report.invitations++;
      if (partner.answer === 'accepted') await this.commands.execute(new AcceptInvitationCommand(projectId, id(partner.city), as(partner.city)));
    }
    if (p.status !== 'proposed') await this.commands.execute(new StartProjectCommand(projectId, as(p.lead)));
    for (const update of p.updates) {
      await this.commands.execute(new PostProjectUpdateCommand(projectId, { text: update.text, kind: update.kind }, as(update.by)));
      report.updates++;
    }
    if (p.status === 'completed') await this.commands.execute(new CompleteProjectCommand(projectId, { outcome: p.outcome }, as(p.lead)));
  }

  private async playPractice(p: DemoPractice, author: CitySummary, { as }: Player, report: DemoReport): Promise<void> {
    const { id: practiceId } = await this.commands.execute(
      new SharePracticeCommand(
        {
          title: p.title,
          summary: p.summary,
          body: p.body,
          field: author.field,
          actionArea: p.actionArea,
          sdgs: p.sdgs,
          tags: p.tags,
          language: p.language,
          outcomes: p.outcomes,
          links: p.links ?? [],
        },
        as(p.author),
      ),
    );
    report.practices++;
    for (const city of p.endorsedBy) {
      await this.commands.execute(new EndorsePracticeCommand(practiceId, undefined, as(city)));
      report.endorsements++;
    }
    for (const comment of p.comments) {
      await this.commands.execute(new CommentOnPracticeCommand(practiceId, { text: comment.text }, as(comment.by)));
      report.comments++;
    }
    for (const exchange of p.exchanges) {
      const { id: exchangeId } = await this.commands.execute(
        new RequestExchangeCommand(
          practiceId,
          { message: exchange.message, format: exchange.format, proposedDates: exchange.proposedDates },
          as(exchange.requester),
        ),
      );
      report.exchanges++;
      if (exchange.status === 'requested') continue;
      await this.commands.execute(new AcceptExchangeCommand(exchangeId, exchange.answer, as(p.author)));
      if (exchange.status === 'completed') {
        await this.commands.execute(
          new CompleteExchangeCommand(exchangeId, { feedback: exchange.feedback, rating: exchange.rating }, as(exchange.requester)),
        );
      }
    }
  }

  /** The seed cities by name; all of them must be registered (the demo is played between them). */
  private async seedCities(): Promise<Map<DemoCity, CitySummary>> {
    const registered = (await this.queries.execute(new ListCitySummariesQuery())).filter((c) => c.country === 'ES');
    const byName = new Map(registered.map((c) => [c.name, c] as const));
    const cities = new Map<DemoCity, CitySummary>();
    const missing: string[] = [];
    for (const name of DEMO_CITIES) {
      const city = byName.get(name);
      if (city) cities.set(name, city);
      else missing.push(name);
    }
    if (missing.length > 0) {
      throw new Error(
        `The demo is played between the seed cities, and ${missing.join(', ')} (ES) are not registered: load the seed cities first (npm run seed)`,
      );
    }
    return cities;
  }

  private async hasProject(leadCityId: string, title: string): Promise<boolean> {
    for (let page = 1; ; page++) {
      const found = await this.queries.execute(new ListProjectsQuery({ cityId: leadCityId }, { page, limit: MAX_PAGE_LIMIT }));
      if (found.items.some((p) => p.leadCityId === leadCityId && p.title === title)) return true;
      if (page * MAX_PAGE_LIMIT >= found.total) return false;
    }
  }

  private async hasPractice(authorCityId: string, title: string): Promise<boolean> {
    for (let page = 1; ; page++) {
      const found = await this.queries.execute(new ListPracticesQuery({ cityId: authorCityId }, SYSTEM_VIEWER, { page, limit: MAX_PAGE_LIMIT }));
      if (found.items.some((p) => p.authorCityId === authorCityId && p.title === title)) return true;
      if (page * MAX_PAGE_LIMIT >= found.total) return false;
    }
  }
}

/** How the scenario names cities (by name) and acts as them (a `city` context of that city). */
interface Player {
  id(city: DemoCity): string;
  as(city: DemoCity): CommandContext;
}
