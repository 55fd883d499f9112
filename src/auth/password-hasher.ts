import { Injectable } from '@nestjs/common';
import { hash as argon2Hash, hashSync as argon2HashSync, parseOptions, verify as argon2Verify, type Options } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** OWASP Password Storage Cheat Sheet, first choice: Argon2id, t=2, p=1 (memory from PASSWORD_HASH_MEMORY_KIB, 19 MiB by default). */
export const ARGON2_TIME_COST = 2;
export const ARGON2_PARALLELISM = 1;

/**
 * Argon2id (`@node-rs/argon2`, the library's default algorithm: no 72-byte cut like bcrypt) for every
 * new hash. Hashes of earlier releases (bcrypt, `$2a$`/`$2b$`) still verify, and `needsRehash` tells
 * the login to store an Argon2id hash once the password is known.
 */
@Injectable()
export class PasswordHasher {
  private readonly options: Options;
  /**
   * An Argon2id hash of a random secret made with the same parameters as real hashes, once at start:
   * verified against when the e-mail is unknown, so that such a login does the same work (and takes
   * as long) as a wrong password for an existing account.
   */
  readonly decoy: string;

  constructor(config: AppConfig) {
    this.options = {
      memoryCost: config.env.PASSWORD_HASH_MEMORY_KIB,
      timeCost: ARGON2_TIME_COST,
      parallelism: ARGON2_PARALLELISM,
    };
    this.decoy = argon2HashSync(randomBytes(32), this.options);
  }

  hash(password: string): Promise<string> {
    return argon2Hash(password, this.options);
  }

  /** False for a wrong password; an unknown account (`hash` undefined) is checked against the decoy. */
  async verify(password: string, hash: string | undefined): Promise<boolean> {
    const stored = hash ?? this.decoy;
    if (isBcrypt(stored)) return bcrypt.compare(password, stored);
    try {
      return await argon2Verify(stored, password);
    } catch {
      return false; // not a hash this service can read: nobody can log in with it
    }
  }

  /** True when the stored hash is not Argon2id with today's parameters (a bcrypt hash, a lower cost). */
  needsRehash(hash: string): boolean {
    if (!hash.startsWith('$argon2id$')) return true;
    try {
      const used = parseOptions(hash);
      return used.memoryCost !== this.options.memoryCost || used.timeCost !== this.options.timeCost || used.parallelism !== this.options.parallelism;
    } catch {
      return true;
    }
  }
}

const isBcrypt = (hash: string) => /^\$2[abxy]\$/.test(hash);
