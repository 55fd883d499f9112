import type { CityUser } from './live-users';

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

/** Sends a command over HTTP and fails the test unless it answers 2xx. */
export async function ok(promise: Promise<{ status: number; body: any }>): Promise<any> {
  const res = await promise;
  if (res.status < 200 || res.status > 299) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
