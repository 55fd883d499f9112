import { isDuplicateKeyError } from '@app/events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, mongo } from 'mongoose';
import { CollaborationLinkDocument } from './collaboration-link.schema';
import { linkKey, type CollaborationLink } from './collaboration-links';

/** The collection of the collaborations read model: read through mongoose, written by its projector. */
@Injectable()
export class CollaborationStore implements OnModuleInit {
  constructor(@InjectModel(CollaborationLinkDocument.name) private readonly links: Model<CollaborationLinkDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.links.init();
  }

  /** The projects and completed exchanges in which the city takes part. */
  async linksOf(cityId: string): Promise<CollaborationLink[]> {
    const docs = await this.links.find({ memberIds: cityId }).lean<CollaborationLinkDocument[]>().exec();
    return docs.map((d) => {
      const kind = d.kind ?? 'project';
      return { kind, id: kind === 'project' ? d._id : d._id.slice('exchange:'.length), title: d.title, memberIds: [...d.memberIds], seq: d.seq };
    });
  }
}

/**
 * Stores a link unless a state from a later (or the same) event is there. Safe to call twice with
 * one event, and in any order. `collection` is the live one, or a rebuild's.
 */
export async function applyLink(collection: mongo.Collection, link: CollaborationLink): Promise<void> {
  const rows = collection as unknown as mongo.Collection<CollaborationLinkDocument>;
  try {
    await rows.updateOne(
      { _id: linkKey(link), seq: { $lt: link.seq } },
      { $set: { kind: link.kind, title: link.title, memberIds: link.memberIds, seq: link.seq } },
      { upsert: true },
    );
  } catch (error) {
    // The link is there with a seq >= this one, so the upsert collided with its _id: a stale event.
    if (!isDuplicateKeyError(error)) throw error;
  }
}
