import type { CityUser } from '../../support/city-users';
import { proposeProject } from '../../support/projects';

/**
 * `lead` proposes a project and `partner` accepts its invitation, so the two cities collaborate
 * (the collaborations read model follows the events a moment later). Fails the test on any refusal.
 */
export async function collaborate(lead: CityUser, partner: CityUser, title: string): Promise<{ id: string; title: string }> {
  const project = await proposeProject(lead, title);
  const invited = await lead.api.post(`/projects/${project.id}/invitations`, { cityId: partner.cityId });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await partner.api.post(`/projects/${project.id}/invitations/${partner.cityId}/accept`, {});
  if (accepted.status >= 300) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return project;
}

/** Polls until `check` holds (events reach read models and inboxes asynchronously). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
