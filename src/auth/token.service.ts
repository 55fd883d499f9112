import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { AuthUser, Role } from '../shared/auth-user';
import { SessionRepository } from './sessions/session.repository';

interface AccessTokenClaims {
  sub: string;
  /** The session (sessions collection) the token belongs to: a logout ends exactly it. */
  sid: string;
  email: string;
  name: string;
  role: Role;
  cityId: string | null;
  exp: number;
}

/** A valid token: whom it speaks for, its session and when it expires. */
export interface AuthSession {
  user: AuthUser;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Signs access tokens, each for a new session, and verifies them: signature and expiry (HS256), then
 * the session, read from MongoDB on every call (one read by `_id`), so a logout, a password change
 * or disabling the user takes effect on the next request on every instance. Used by the HTTP guard
 * and, through queries, by the live gateway.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionRepository,
  ) {}

  /** A token for a new session of the user (a login, an accepted invitation). */
  async issue(user: AuthUser): Promise<string> {
    const sid = randomUUID();
    const claims = { sub: user.id, sid, email: user.email, name: user.name, role: user.role, cityId: user.cityId };
    const token = await this.jwt.signAsync(claims);
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    await this.sessions.open(sid, user.id, new Date(exp * 1000));
    return token;
  }

  /**
   * The session of a valid, unexpired token whose session is still open, or null for anything else.
   * Throws only when MongoDB cannot be read (a 503 for HTTP, not a 401 that would sign the client out).
   */
  async authenticate(token: unknown): Promise<AuthSession | null> {
    const c = await this.claimsOf(token);
    if (!c) return null;
    if (!(await this.sessions.isActive(c.sid, c.sub))) return null;
    return {
      user: { id: c.sub, email: c.email, name: c.name, role: c.role, cityId: c.cityId ?? null },
      sessionId: c.sid,
      expiresAt: new Date(c.exp * 1000),
    };
  }

  /** The user of a valid token with an open session, or null (see authenticate). */
  async verify(token: unknown): Promise<AuthUser | null> {
    return (await this.authenticate(token))?.user ?? null;
  }

  private async claimsOf(token: unknown): Promise<AccessTokenClaims | null> {
    if (!token || typeof token !== 'string') return null;
    try {
      const c = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      // Tokens of earlier releases carry no session: their holders sign in again.
      if (!c.sub || typeof c.sid !== 'string' || !c.sid || (c.role !== 'admin' && c.role !== 'city')) return null;
      return c;
    } catch {
      return null;
    }
  }
}
