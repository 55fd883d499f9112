import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser, Role } from '../shared/auth-user';

interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
  role: Role;
  cityId: string | null;
}

/** Signs and verifies access tokens; used by the HTTP guard and, through a query, by the live gateway. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(user: AuthUser): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, email: user.email, name: user.name, role: user.role, cityId: user.cityId };
    return this.jwt.signAsync(claims);
  }

  /** The user of a valid, unexpired token, or null for anything else (never throws). */
  async verify(token: string | undefined | null): Promise<AuthUser | null> {
    if (!token || typeof token !== 'string') return null;
    try {
      const c = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (!c.sub || (c.role !== 'admin' && c.role !== 'city')) return null;
      return { id: c.sub, email: c.email, name: c.name, role: c.role, cityId: c.cityId ?? null };
    } catch {
      return null;
    }
  }
}
