import type { CityUser } from './live-users';

/** Where the specs that propose projects have always found it. */
export { ok } from './http-expectations';

let counter = 0;

/** A project proposed over HTTP by `lead` (fails the test on anything but 201). */
export async function proposeProject(lead: CityUser, title = `Music for all ${++counter}`): Promise<{ id: string; title: string }> {
  const res = await lead.api.post('/projects', {
    title,
    summary: 'A year of joint concerts and residencies between music cities',
    fields: ['music'],
    actionAreas: ['pilot-projects'],
    sectors: ['public'],
    sdgs: [11],
  });
  if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
