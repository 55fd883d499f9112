import { AppConfig } from './app-config';

const trustProxy = (value: string | undefined) => AppConfig.load(value === undefined ? {} : { TRUST_PROXY: value }).env.TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, so X-Forwarded-For is ignored', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('reads a comma-separated list of addresses, CIDRs and named ranges', () => {
    expect(trustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trustProxy(' 10.0.0.0/8, 192.168.1.7 ,::1,fd00::/8,uniquelocal')).toEqual(['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8', 'uniquelocal']);
  });

  it.each([
    ['true', /TRUST_PROXY: true would trust any client/],
    ['1', /TRUST_PROXY: a hop count is not supported/],
    ['10.0.0.0/33', /TRUST_PROXY: not an IP address or CIDR: "10.0.0.0\/33"/],
    ['proxy.local', /not an IP address or CIDR: "proxy.local"/],
    ['127.0.0.1,', /not an IP address or CIDR: ""/],
  ])('refuses %s, naming the setting', (value, message) => {
    expect(() => AppConfig.load({ TRUST_PROXY: value })).toThrow(message);
  });
});
