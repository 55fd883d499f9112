import { z } from 'zod';
import { AggregateRoot, defineEvent, type CommandContext } from '../src';

/** A small aggregate and its events, shaped like the real modules', for the backbone's tests. */
export const ProjectProposed = defineEvent('ProjectProposed', 'project', z.object({ title: z.string().min(1) }));
export const PartnerInvited = defineEvent('PartnerInvited', 'project', z.object({ cityId: z.string().min(1) }));
export const CityRegistered = defineEvent('CityRegistered', 'city', z.object({ name: z.string() }));

export type ProjectEvents = {
  ProjectProposed: z.infer<typeof ProjectProposed.schema>;
  PartnerInvited: z.infer<typeof PartnerInvited.schema>;
};

export class Project extends AggregateRoot<ProjectEvents> {
  private constructor(
    readonly id: string,
    readonly version: number,
    public title: string,
    public partners: string[],
  ) {
    super();
  }

  static propose(id: string, title: string): Project {
    const project = new Project(id, 0, title, []);
    project.record('ProjectProposed', { title });
    return project;
  }

  static load(state: { _id: string; version: number; title: string; partners: string[] }): Project {
    return new Project(state._id, state.version, state.title, [...state.partners]);
  }

  invite(cityId: string): void {
    this.partners.push(cityId);
    this.record('PartnerInvited', { cityId });
  }

  /** Records a payload that breaks its schema, as a buggy aggregate would. */
  inviteBroken(): void {
    this.record('PartnerInvited', { cityId: '' });
  }
}

export function context(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    actor: { userId: 'user-1', cityId: 'city-1' },
    role: 'city',
    correlationId: 'corr-1',
    causationId: null,
    ...overrides,
  };
}
