import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model } from 'mongoose';
import { EventConsumer, EventSourcedRepository, UnitOfWork, type EventHandlerOf, type EventUnion, type HandlerContext } from '../src';
import { PartnerInvited, Project, ProjectProposed } from './fixtures';

/** A real mongoose-backed repository of the fixture aggregate, written as the domain modules will. */
export interface ProjectDocument {
  _id: string;
  version: number;
  title: string;
  partners: string[];
}

export const ProjectSchema = new Schema<ProjectDocument>(
  { _id: String, version: Number, title: String, partners: [String] },
  { collection: 'projects', versionKey: false },
);
ProjectSchema.index({ title: 1 }, { unique: true });

@Injectable()
export class ProjectRepository extends EventSourcedRepository<Project> {
  protected readonly aggregateType = 'project';

  constructor(
    unitOfWork: UnitOfWork,
    @InjectModel('Project') readonly model: Model<ProjectDocument>,
  ) {
    super(unitOfWork);
  }

  async load(id: string): Promise<Project> {
    const doc = await this.model.findById(id).lean<ProjectDocument>();
    if (!doc) throw new Error(`project ${id} not found`);
    return Project.load(doc);
  }

  protected async persist(project: Project, session: ClientSession): Promise<void> {
    const state = { title: project.title, partners: project.partners, version: project.version + 1 };
    if (project.version === 0) {
      await this.model.create([{ _id: project.id, ...state }], { session });
      return;
    }
    const result = await this.model.updateOne({ _id: project.id, version: project.version }, { $set: state }, { session });
    if (result.matchedCount === 0) throw this.staleVersion(project);
  }
}

const FIXTURE_EVENTS = [PartnerInvited, ProjectProposed] as const;
type FixtureEvent = EventUnion<typeof FIXTURE_EVENTS>;

/** Fails on the events of the projects named in `failOn` (every attempt), like a consumer whose Redis is down. */
@Injectable()
@EventConsumer({ name: 'test.flaky', events: FIXTURE_EVENTS })
export class FlakyConsumer implements EventHandlerOf<typeof FIXTURE_EVENTS> {
  readonly deliveries: FixtureEvent[] = [];
  readonly failOn = new Set<string>();

  async handle(event: FixtureEvent): Promise<void> {
    this.deliveries.push(event);
    if (this.failOn.has(event.aggregateId)) throw new Error('consumer down');
  }
}

/** An idempotent consumer: counts deliveries, but applies each event's effect once. */
@Injectable()
@EventConsumer({ name: 'test.idempotent', events: FIXTURE_EVENTS })
export class IdempotentConsumer implements EventHandlerOf<typeof FIXTURE_EVENTS> {
  readonly deliveries: string[] = [];
  readonly effects = new Map<string, FixtureEvent>();

  handle(event: FixtureEvent): void {
    this.deliveries.push(event.id);
    if (!this.effects.has(event.id)) this.effects.set(event.id, event);
  }
}

/** Runs on every instance from the head of the log (like the live broadcaster). */
@Injectable()
@EventConsumer({ name: 'test.everywhere', events: FIXTURE_EVENTS, scope: 'instance' })
export class InstanceConsumer implements EventHandlerOf<typeof FIXTURE_EVENTS> {
  readonly deliveries: string[] = [];

  handle(event: FixtureEvent): void {
    this.deliveries.push(event.id);
  }
}

/** A rebuildable read model: titles of proposed projects, in the collection it is handed. */
@Injectable()
@EventConsumer({ name: 'test.titles', events: [ProjectProposed], projection: { collection: 'test_titles' } })
export class TitlesProjection implements EventHandlerOf<readonly [typeof ProjectProposed]> {
  async handle(event: EventUnion<readonly [typeof ProjectProposed]>, { collection }: HandlerContext): Promise<void> {
    await collection!.updateOne({ _id: event.aggregateId } as never, { $set: { title: event.data.title, seq: event.seq } }, { upsert: true });
  }
}
