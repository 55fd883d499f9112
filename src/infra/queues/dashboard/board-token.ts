/** Where a browser page can carry the admin's JWT: a bearer header, `?token=` on the first visit, then a cookie. */
export const BOARD_COOKIE = 'cce_queues_token';

export interface BoardRequestParts {
  authorization?: string;
  cookie?: string;
  queryToken?: unknown;
}

export interface FoundToken {
  token: string;
  /** True when it came from the query string: the reply then sets the cookie for the page's assets and API calls. */
  fromQuery: boolean;
}

export function findBoardToken({ authorization, cookie, queryToken }: BoardRequestParts): FoundToken | null {
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return { token: bearer, fromQuery: false };
  if (typeof queryToken === 'string' && queryToken.length > 0) return { token: queryToken, fromQuery: true };
  const fromCookie = cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${BOARD_COOKIE}=`))
    ?.slice(BOARD_COOKIE.length + 1);
  return fromCookie ? { token: decodeURIComponent(fromCookie), fromQuery: false } : null;
}

export function boardCookie(token: string, path: string): string {
  return `${BOARD_COOKIE}=${encodeURIComponent(token)}; Path=${path}; HttpOnly; SameSite=Strict`;
}
