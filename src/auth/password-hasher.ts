import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { AppConfig } from '../config/app-config';

/** bcryptjs: pure JavaScript, so no native build step on any machine (see docs/decisions.md). */
@Injectable()
export class PasswordHasher {
  // A valid hash of a random string, compared against when the e-mail is unknown so that a login
  // takes as long whether or not the account exists.
  private readonly decoy = bcrypt.hashSync(Math.random().toString(36), 4);

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.env.PASSWORD_HASH_ROUNDS);
  }

  verify(password: string, hash: string | undefined): Promise<boolean> {
    return bcrypt.compare(password, hash ?? this.decoy);
  }
}
