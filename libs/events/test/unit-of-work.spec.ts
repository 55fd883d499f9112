import type { ClientSession } from 'mongoose';
import { ConflictError } from '@app/domain';
import { EventSourcedRepository, InvalidEventPayloadError, type UnitOfWork } from '../src';
import { backbone } from './fakes';
import { CityRegistered, context, PartnerInvited, Project, ProjectProposed } from './fixtures';

class ProjectRepository extends EventSourcedRepository<Project> {
  protected readonly aggregateType = 'project';
  readonly persisted: { id: string; version: number; partners: string[] }[] = [];
  failWith: unknown = null;

  constructor(unitOfWork: UnitOfWork) {
    super(unitOfWork);
  }

  protected async persist(project: Project, _session: ClientSession): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.persisted.push({ id: project.id, version: project.version, partners: [...project.partners] });
  }

  stale(project: Project): ConflictError {
    return this.staleVersion(project);
  }
}

function setUp(transientFailures = 0) {
  const b = backbone({ transientFailures });
  b.registry.register([ProjectProposed, PartnerInvited, CityRegistered]);
  return { ...b, repository: new ProjectRepository(b.unitOfWork) };
}

describe('EventSourcedRepository.save', () => {
  it('stores the state and the pending events with the command context, then signals the commit once, in order', async () => {
    const { repository, store, committed } = setUp();
    const project = Project.propose('p1', 'Music bridges');
    project.invite('city-2');

    const events = await repository.save(project, context({ correlationId: 'req-9', causationId: 'ev-0' }));

    expect(repository.persisted).toEqual([{ id: 'p1', version: 0, partners: ['city-2'] }]);
    expect(events.map((e) => [e.seq, e.type, e.aggregateType, e.aggregateId])).toEqual([
      [1, 'ProjectProposed', 'project', 'p1'],
      [2, 'PartnerInvited', 'project', 'p1'],
    ]);
    expect(events[0]).toMatchObject({ actor: { userId: 'user-1', cityId: 'city-1' }, correlationId: 'req-9', causationId: 'ev-0' });
    expect(store.appended).toEqual(events);
    expect(committed.mock.calls).toEqual([[events]]);
    expect(project.hasPendingEvents).toBe(false);
  });

  it('records the same events when the driver retries the transaction', async () => {
    const { repository, store, connection } = setUp(2);
    const project = Project.propose('p1', 'Film week');

    const events = await repository.save(project, context());

    expect(connection.attempts).toBe(3);
    expect(repository.persisted).toHaveLength(3);
    // Every attempt recorded the event (the aborted ones were rolled back by MongoDB).
    expect(store.appended.map((e) => e.type)).toEqual(['ProjectProposed', 'ProjectProposed', 'ProjectProposed']);
    expect(events.map((e) => e.type)).toEqual(['ProjectProposed']);
  });

  it('aborts on a payload that breaks its schema, before any consumer hears of it', async () => {
    const { repository, store, committed } = setUp();
    const project = Project.propose('p1', 'Design days');
    project.inviteBroken();

    await expect(repository.save(project, context())).rejects.toThrow(InvalidEventPayloadError);
    expect(store.appended).toEqual([]);
    expect(committed).not.toHaveBeenCalled();
  });

  it('turns a duplicate key into a ConflictError naming the key, and passes other errors through', async () => {
    const { repository } = setUp();
    repository.failWith = Object.assign(new Error('E11000 duplicate key error'), { code: 11000, keyPattern: { title: 1 } });
    const error = await repository.save(Project.propose('p1', 'x'), context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'project.duplicate-key', message: expect.stringContaining('title') });

    repository.failWith = repository.stale(Project.propose('p2', 'y'));
    await expect(repository.save(Project.propose('p2', 'y'), context())).rejects.toMatchObject({ code: 'project.stale-version' });
  });
});

describe('UnitOfWork.run', () => {
  it('refuses an event recorded for another aggregate type or of an unknown type', async () => {
    const { unitOfWork, store } = setUp();
    await expect(
      unitOfWork.run(context(), async (tx) => tx.record('city', 'c1', [{ type: 'PartnerInvited', data: { cityId: 'x' } }])),
    ).rejects.toThrow(/belongs to aggregate "project", not "city"/);
    await expect(unitOfWork.run(context(), async (tx) => tx.record('project', 'p1', [{ type: 'Unknown', data: {} }]))).rejects.toThrow(
      /"Unknown" is not registered/,
    );
    expect(store.appended).toEqual([]);
  });

  it('records events of several aggregates in one transaction and returns the work result', async () => {
    const { unitOfWork, committed } = setUp();
    const { result, events } = await unitOfWork.run(context(), async (tx) => {
      tx.record('project', 'p1', [{ type: 'PartnerInvited', data: { cityId: 'c2' } }]);
      tx.record('city', 'c2', [{ type: 'CityRegistered', data: { name: 'Valencia' } }]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(events.map((e) => [e.seq, e.aggregateId])).toEqual([
      [1, 'p1'],
      [2, 'c2'],
    ]);
    expect(committed).toHaveBeenCalledTimes(1);
    expect(committed.mock.calls[0][0]).toEqual(events);
  });
});

describe('EventSourcedRepository.saveWith', () => {
  class ProjectWithNotes extends ProjectRepository {
    readonly notes: string[] = [];
    saveWithNote(project: Project, note: string) {
      return this.saveWith(project, context(), async () => {
        if (note === 'dup') throw Object.assign(new Error('E11000'), { code: 11000, keyPattern: { noteId: 1 } });
        this.notes.push(note);
      });
    }
  }

  it('runs the extra writes in the same transaction and records the events', async () => {
    const b = backbone();
    b.registry.register([ProjectProposed, PartnerInvited]);
    const repository = new ProjectWithNotes(b.unitOfWork);
    const events = await repository.saveWithNote(Project.propose('p1', 't'), 'hello');
    expect(repository.notes).toEqual(['hello']);
    expect(events.map((e) => e.type)).toEqual(['ProjectProposed']);
    await expect(repository.saveWithNote(Project.propose('p2', 't'), 'dup')).rejects.toMatchObject({ code: 'project.duplicate-key' });
    expect(b.store.appended).toHaveLength(1);
  });
});
