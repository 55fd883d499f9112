import { Injectable } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model } from 'mongoose';
import { EventSourcedRepository, UnitOfWork, type DomainEvent } from '../src';
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

/** Fails the first `failures` deliveries it gets, like a consumer whose Redis is down. */
@EventsHandler(PartnerInvited, ProjectProposed)
export class FlakyHandler implements IEventHandler<DomainEvent> {
  readonly deliveries: DomainEvent[] = [];
  failures = 0;

  async handle(event: DomainEvent): Promise<void> {
    this.deliveries.push(event);
    if (this.failures > 0) {
      this.failures--;
      throw new Error('consumer down');
    }
  }
}

/** An idempotent consumer: counts deliveries, but applies each event's effect once. */
@EventsHandler(PartnerInvited, ProjectProposed)
export class IdempotentHandler implements IEventHandler<DomainEvent> {
  readonly deliveries: string[] = [];
  readonly effects = new Map<string, DomainEvent>();

  handle(event: DomainEvent): void {
    this.deliveries.push(event.id);
    if (!this.effects.has(event.id)) this.effects.set(event.id, event);
  }
}
