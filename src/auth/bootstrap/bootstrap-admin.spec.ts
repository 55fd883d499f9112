import { AppConfig } from '../../config/app-config';
import type { PasswordHasher } from '../password-hasher';
import type { UserRepository } from '../persistence/user.repository';
import { BootstrapAdmin, BootstrapAdminResult } from './bootstrap-admin';

describe('BootstrapAdmin', () => {
  const start = (adminPassword: string) => {
    const create = jest.fn(async () => ({}));
    const users = { exists: async () => false, create } as unknown as UserRepository;
    const hasher = { hash: async () => '$argon2id$…' } as unknown as PasswordHasher;
    const config = AppConfig.load({ NODE_ENV: 'test', ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'silent' });
    return { create, run: () => new BootstrapAdmin(config, users, hasher, new BootstrapAdminResult()).onApplicationBootstrap() };
  };

  it('refuses to create the first admin with a common ADMIN_PASSWORD', async () => {
    const { create, run } = start('password123');
    await expect(run()).rejects.toThrow(/^ADMIN_PASSWORD is one of the most common passwords/);
    expect(create).not.toHaveBeenCalled();
  });

  it('creates it with an uncommon one', async () => {
    const { create, run } = start('admin-password-1');
    await run();
    expect(create).toHaveBeenCalledTimes(1);
  });
});
