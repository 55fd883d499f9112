import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventSourcedRepository, type CommandContext, type EventEnvelope, UnitOfWork } from '@app/events';
import type { ClientSession, Model } from 'mongoose';
import { NotFoundError } from '@app/domain';
import { writeVersioned } from '../../common/persistence/versioned-write';
import { PROJECT_AGGREGATE } from '../domain/events';
import { Project } from '../domain/project';
import type { ProjectUpdate } from '../domain/project-state';
import { InvitationQuotaStore } from './invitation-quota.store';
import { fromStored, ProjectDocument, toStored } from './project.schema';
import { ProjectUpdateDocument } from './project-update.schema';

/**
 * The write side of projects: load an aggregate, save it with its events in one transaction
 * (EventSourcedRepository). A stale version on save is a 409 `project.stale-version`.
 */
/**
 * Tries of `change` before a stale version reaches the client. With the jittered backoff of
 * `retryOnStale` (pauses up to 250 ms), 25 tries carry a burst of 20+ independent commands on one
 * project (e.g. join requests from 20 cities at once) through; the same budget as practices.
 */
const MAX_CHANGE_ATTEMPTS = 25;

@Injectable()
export class ProjectRepository extends EventSourcedRepository<Project> {
  protected readonly aggregateType = PROJECT_AGGREGATE;

  constructor(
    unitOfWork: UnitOfWork,
    @InjectModel(ProjectDocument.name) private readonly projects: Model<ProjectDocument>,
    @InjectModel(ProjectUpdateDocument.name) private readonly updates: Model<ProjectUpdateDocument>,
    private readonly invitationQuota: InvitationQuotaStore,
  ) {
    super(unitOfWork);
  }

  /** The project, or a 404. */
  async load(id: string): Promise<Project> {
    const doc = await this.projects.findById(id).lean<ProjectDocument>().exec();
    if (!doc) throw new NotFoundError('project', id);
    return Project.restore(fromStored(doc));
  }

  /**
   * Load → change → save for a command that carries no version of the client's: in turn with the
   * other commands on this project in this process, and again on the fresh state after a stale
   * version (`changeWithRetry`). Only PATCH, whose client sends the version it read, turns a stale
   * version into a 409.
   */
  change<T>(id: string, work: (project: Project) => Promise<T>): Promise<T> {
    return this.changeWithRetry(id, MAX_CHANGE_ATTEMPTS, (key) => this.load(key), work);
  }

  /**
   * Saves the project that just invited `invitedCityId`, counting the invitation against the
   * (lead city, invited city) quota in the same transaction: a refused or failed invitation uses
   * no slot. Only city users are counted: admins act as operators, scripts (seeds) as the system.
   */
  saveInvitation(project: Project, invitedCityId: string, ctx: CommandContext): Promise<EventEnvelope[]> {
    if (ctx.role !== 'city') return this.save(project, ctx);
    return this.saveWith(project, ctx, (tx) => this.invitationQuota.take(project.leadCityId, invitedCityId, tx.session));
  }

  /** Saves the project, the update it returned and the `ProjectUpdatePosted` event atomically. */
  async saveWithUpdate(project: Project, update: ProjectUpdate, ctx: CommandContext): Promise<EventEnvelope[]> {
    const events = project.pullPendingEvents(); // once: the transaction body may be retried
    const { events: stored } = await this.unitOfWork.run(ctx, async (tx) => {
      await this.persist(project, tx.session);
      const doc: ProjectUpdateDocument = {
        _id: update.id,
        projectId: update.projectId,
        text: update.text,
        kind: update.kind,
        authorCityId: update.authorCityId,
        authorUserId: ctx.actor.userId ?? null,
        createdAt: update.createdAt,
      };
      await this.updates.create([doc], { session: tx.session });
      tx.record(this.aggregateType, project.id, events);
    });
    return stored;
  }

  protected async persist(project: Project, session: ClientSession): Promise<void> {
    const doc = { ...toStored(project.toSnapshot()), version: project.version + 1 };
    if (!(await writeVersioned(this.projects, doc, project.version, session))) throw this.staleVersion(project);
  }
}
