import { isDuplicateKeyError } from '@app/events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ProjectMembershipDocument } from './project-membership.schema';
import type { ProjectMembership } from './project-membership';

/** The collection of the collaborations read model. Writes are replaces guarded by the event seq. */
@Injectable()
export class CollaborationStore implements OnModuleInit {
  constructor(@InjectModel(ProjectMembershipDocument.name) private readonly memberships: Model<ProjectMembershipDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.memberships.init();
  }

  /**
   * Stores a project's membership unless a state from a later (or the same) event is there: false
   * then. Safe to call twice with one event, and in any order.
   */
  async apply(m: ProjectMembership): Promise<boolean> {
    try {
      const result = await this.memberships
        .updateOne({ _id: m.projectId, seq: { $lt: m.seq } }, { $set: { title: m.title, memberIds: m.memberIds, seq: m.seq } }, { upsert: true })
        .exec();
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      // The project is there with a seq >= this one, so the upsert collided with its _id: stale event.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Projects in which the city takes part. */
  async membershipsOf(cityId: string): Promise<ProjectMembership[]> {
    const docs = await this.memberships.find({ memberIds: cityId }).lean<ProjectMembershipDocument[]>().exec();
    return docs.map((d) => ({ projectId: d._id, title: d.title, memberIds: [...d.memberIds], seq: d.seq }));
  }

  /** Drops the projects that are not in `keep` (a rebuild found no event for them). */
  async removeAllBut(keep: readonly string[]): Promise<number> {
    const result = await this.memberships.deleteMany({ _id: { $nin: [...keep] } }).exec();
    return result.deletedCount;
  }

  /**
   * Rebuild: replaces the stored state with the one computed from the log, also when it has the
   * same seq (repairing a damaged document), but never with an older one (a live event may have
   * landed while the rebuild was reading the log).
   */
  async reset(m: ProjectMembership): Promise<void> {
    try {
      await this.memberships
        .replaceOne({ _id: m.projectId, seq: { $lte: m.seq } }, { title: m.title, memberIds: m.memberIds, seq: m.seq }, { upsert: true })
        .exec();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
