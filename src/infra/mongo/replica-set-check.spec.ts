import { isTransactional, NotAReplicaSetError } from './replica-set-check';

describe('replica set check', () => {
  it('accepts a replica set member and a mongos, not a standalone', () => {
    expect(isTransactional({ setName: 'rs0' })).toBe(true);
    expect(isTransactional({ msg: 'isdbgrid' })).toBe(true);
    expect(isTransactional({})).toBe(false);
  });

  it('says how to run a one-node replica set', () => {
    const message = new NotAReplicaSetError().message;
    expect(message).toContain('mongod --replSet rs0');
    expect(message).toContain('rs.initiate()');
    expect(message).toContain('docker compose up -d mongo');
  });
});
