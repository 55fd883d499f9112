import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { PasswordHasher } from '../password-hasher';
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from '../password-policy';
import { UserRepository } from '../persistence/user.repository';

/** Credentials of the admin created at this start, if any; main.ts prints them once. */
export class BootstrapAdminResult {
  created: { email: string; password: string; generated: boolean } | null = null;
}

/** SPEC §2: when no user exists at start-up, create the admin from ADMIN_EMAIL / ADMIN_PASSWORD. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly result: BootstrapAdminResult,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.exists()) return;
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = this.config.env;
    if (!ADMIN_PASSWORD && this.config.isProduction) {
      throw new Error('ADMIN_PASSWORD is required to create the first admin when NODE_ENV=production');
    }
    if (ADMIN_PASSWORD && isCommonPassword(ADMIN_PASSWORD)) {
      throw new Error(`ADMIN_PASSWORD ${COMMON_PASSWORD_MESSAGE}`);
    }
    const password = ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    try {
      await this.users.create({
        email: ADMIN_EMAIL,
        passwordHash: await this.hasher.hash(password),
        name: 'Network secretariat',
        role: 'admin',
        cityId: null,
      });
    } catch (e) {
      // Another instance created it first: fine, there is an admin.
      if ((e as { code?: string }).code === 'user.email-taken') return;
      throw e;
    }
    this.result.created = { email: ADMIN_EMAIL, password, generated: !ADMIN_PASSWORD };
    this.logger.log(`Created the first admin ${ADMIN_EMAIL}`);
  }
}
