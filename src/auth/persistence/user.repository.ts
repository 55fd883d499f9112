import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ConflictError } from '@app/domain';
import type { Role } from '../../shared/auth-user';
import type { EmailCadence } from '../../shared/email-cadence';
import type { PageRequest } from '../../shared/pagination';
import type { Lang } from '../../shared/reference-data';
import { UserDocument } from './user.schema';

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: Role;
  cityId: string | null;
  language?: Lang;
}

/** What PATCH /users/:id changes. */
export interface UserChanges {
  name?: string;
  language?: Lang;
  disabled?: boolean;
}

/** The only class that touches the users collection; narrow methods, plain objects out. */
@Injectable()
export class UserRepository {
  constructor(@InjectModel(UserDocument.name) private readonly users: Model<UserDocument>) {}

  findByEmail(email: string): Promise<UserDocument | null> {
    return this.users.findOne({ email: email.toLowerCase() }).lean<UserDocument>().exec();
  }

  findById(id: string): Promise<UserDocument | null> {
    return this.users.findById(id).lean<UserDocument>().exec();
  }

  /**
   * Stores a new hash of the same password (an upgrade of its algorithm or cost) only if the stored
   * one is still `previous`, so a password changed meanwhile is never overwritten. Not a change of
   * the user: neither `version` nor `updatedAt` moves.
   */
  async replacePasswordHash(id: string, previous: string, next: string): Promise<boolean> {
    const result = await this.users.updateOne({ _id: id, passwordHash: previous }, { $set: { passwordHash: next } }, { timestamps: false }).exec();
    return result.modifiedCount === 1;
  }

  /** The enabled users of some cities, optionally only those with one e-mail cadence, by e-mail. */
  findEnabledOfCities(cityIds: readonly string[], cadence?: EmailCadence): Promise<UserDocument[]> {
    if (cityIds.length === 0) return Promise.resolve([]);
    const filter = { cityId: { $in: [...cityIds] }, disabled: { $ne: true }, ...(cadence ? { emailCadence: cadence } : {}) };
    return this.users.find(filter).sort({ email: 1 }).lean<UserDocument[]>().exec();
  }

  /** Not a change of the profile the user edits (the unsubscribe link and the preferences route set it). */
  async setEmailCadence(id: string, cadence: EmailCadence): Promise<boolean> {
    const result = await this.users.updateOne({ _id: id }, { $set: { emailCadence: cadence } }).exec();
    return result.matchedCount === 1;
  }

  /** A new password (a change or a reset): a change of the account, so `updatedAt` moves, not the profile's `version`. */
  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    const result = await this.users.updateOne({ _id: id }, { $set: { passwordHash } }).exec();
    return result.matchedCount === 1;
  }

  /**
   * Applies the changes and raises `version`; with `expectedVersion`, only while the stored one still
   * matches. Null when the user is unknown or the version moved on.
   */
  update(id: string, changes: UserChanges, expectedVersion?: number): Promise<UserDocument | null> {
    const filter = expectedVersion === undefined ? { _id: id } : { _id: id, version: expectedVersion };
    const update = Object.keys(changes).length ? { $set: changes, $inc: { version: 1 } } : { $inc: { version: 1 } };
    return this.users.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<UserDocument>().exec();
  }

  /** One page of users (of one city, or all), by e-mail. */
  async list(cityId: string | null, { page, limit }: PageRequest): Promise<{ items: UserDocument[]; total: number }> {
    const filter = cityId ? { cityId } : {};
    const [items, total] = await Promise.all([
      this.users
        .find(filter)
        .sort({ email: 1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<UserDocument[]>()
        .exec(),
      this.users.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  async exists(): Promise<boolean> {
    return (await this.users.exists({})) !== null;
  }

  async create(user: NewUser): Promise<UserDocument> {
    try {
      const created = await this.users.create({ ...user, email: user.email.toLowerCase() });
      return created.toObject();
    } catch (e) {
      if ((e as { code?: number }).code === 11000) {
        throw new ConflictError('user.email-taken', `A user with e-mail ${user.email} already exists`);
      }
      throw e;
    }
  }
}
