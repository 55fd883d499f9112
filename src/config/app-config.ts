import { configSchema, Env } from './config.schema';

/** Thrown at start-up; the message names every bad or missing setting. */
export class InvalidConfigError extends Error {}

/**
 * The validated configuration, injectable by class. Built once per app instance from the
 * environment (plus explicit overrides in tests), so two instances in one process never share it.
 */
export class AppConfig {
  readonly env: Env;
  /**
   * True when JWT_SECRET was not set (never in production): the auth module then uses a random
   * secret kept in the database, shared by every instance on it (src/config/jwt-secret.ts).
   */
  readonly jwtSecretGenerated: boolean;

  private constructor(env: Env) {
    this.env = env;
    this.jwtSecretGenerated = !env.JWT_SECRET;
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /** Where users reach the web client: links in e-mails point here. */
  get publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/+$/, '');
  }

  /**
   * Seeds load by default only in the embedded mode (a demo; main.ts sets SEED_ON_START then);
   * SEED_ON_START forces either way.
   */
  get seedOnStart(): boolean {
    return this.env.SEED_ON_START ?? false;
  }

  static load(source: Record<string, string | undefined> = process.env): AppConfig {
    const result = configSchema.safeParse(source);
    if (!result.success) {
      const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new InvalidConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
    return new AppConfig(result.data);
  }
}
