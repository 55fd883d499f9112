import { boardCookie, BOARD_COOKIE, findBoardToken } from './board-token';

describe('findBoardToken', () => {
  it('prefers the bearer header', () => {
    expect(findBoardToken({ authorization: 'Bearer abc', queryToken: 'q', cookie: `${BOARD_COOKIE}=c` })).toEqual({ token: 'abc', fromQuery: false });
  });

  it('takes ?token= next and says so, so the reply can set the cookie', () => {
    expect(findBoardToken({ queryToken: 'q', cookie: `${BOARD_COOKIE}=c` })).toEqual({ token: 'q', fromQuery: true });
  });

  it('reads the cookie among others', () => {
    expect(findBoardToken({ cookie: `a=1; ${BOARD_COOKIE}=x%2Ey; b=2` })).toEqual({ token: 'x.y', fromQuery: false });
  });

  it('finds nothing in a malformed header or an empty request', () => {
    expect(findBoardToken({ authorization: 'Basic abc' })).toBeNull();
    expect(findBoardToken({})).toBeNull();
    expect(findBoardToken({ queryToken: ['a', 'b'] })).toBeNull();
  });

  it('builds an HttpOnly, same-site cookie scoped to the board', () => {
    expect(boardCookie('t', '/admin/queues')).toBe(`${BOARD_COOKIE}=t; Path=/admin/queues; HttpOnly; SameSite=Strict`);
  });
});
