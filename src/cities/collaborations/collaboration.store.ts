import { isDuplicateKeyError } from '@app/events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, mongo } from 'mongoose';
import { ProjectMembershipDocument } from './project-membership.schema';
import type { ProjectMembership } from './project-membership';

/** The collection of the collaborations read model: read through mongoose, written by its projector. */
@Injectable()
export class CollaborationStore implements OnModuleInit {
  constructor(@InjectModel(ProjectMembershipDocument.name) private readonly memberships: Model<ProjectMembershipDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.memberships.init();
  }

  /** Projects in which the city takes part. */
  async membershipsOf(cityId: string): Promise<ProjectMembership[]> {
    const docs = await this.memberships.find({ memberIds: cityId }).lean<ProjectMembershipDocument[]>().exec();
    return docs.map((d) => ({ projectId: d._id, title: d.title, memberIds: [...d.memberIds], seq: d.seq }));
  }
}

/**
 * Stores a project's membership unless a state from a later (or the same) event is there. Safe to
 * call twice with one event, and in any order. `collection` is the live one, or a rebuild's.
 */
export async function applyMembership(collection: mongo.Collection, m: ProjectMembership): Promise<void> {
  const rows = collection as unknown as mongo.Collection<ProjectMembershipDocument>;
  try {
    await rows.updateOne(
      { _id: m.projectId, seq: { $lt: m.seq } },
      { $set: { title: m.title, memberIds: m.memberIds, seq: m.seq } },
      { upsert: true },
    );
  } catch (error) {
    // The project is there with a seq >= this one, so the upsert collided with its _id: a stale event.
    if (!isDuplicateKeyError(error)) throw error;
  }
}
