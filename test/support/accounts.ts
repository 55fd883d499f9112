import { waitFor, type ApiClient } from '@app/testing';
import type { Socket } from 'socket.io-client';

export interface ReadMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * The e-mails an app sent, as a newcomer reads them: from the development mailbox
 * (`GET /admin/mailbox?to=`, the embedded default without SMTP_URL).
 */
export class Mails {
  constructor(private readonly admin: ApiClient) {}

  /** Every mail to this address so far, oldest first. */
  async to(address: string): Promise<ReadMail[]> {
    const res = await this.admin.get(`/admin/mailbox?to=${encodeURIComponent(address)}&limit=100`);
    if (res.status !== 200) throw new Error(`mailbox: ${res.status} ${JSON.stringify(res.body)}`);
    return [...(res.body.items as ReadMail[])].reverse();
  }

  /** Waits for the `count`-th mail to this address (1-based) and answers it. */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<ReadMail> {
    const all = await waitFor(
      `mail #${count} to ${address}`,
      async () => {
        const mails = await this.to(address);
        return mails.length >= count ? mails : undefined;
      },
      timeoutMs,
    );
    return all[count - 1];
  }
}

/** The token of the link in an e-mail (`…?token=…`). */
export function linkToken(mail: ReadMail, path: 'accept-invitation' | 'reset-password'): string {
  const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in ${JSON.stringify(mail.text)}`);
  return match[1];
}

export const uniqueEmail = (who: string) => `${who}.${Math.random().toString(36).slice(2, 8)}@accounts.test`;

/** Resolves with what the server said when it closed the socket: its `session.ended` payload and the disconnect reason. */
export function closedByServer(socket: Socket, timeoutMs = 5000): Promise<{ ended: unknown; reason: string; at: number }> {
  return new Promise((resolve, reject) => {
    let ended: unknown;
    socket.once('session.ended', (payload: unknown) => (ended = payload));
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve({ ended, reason, at: Date.now() });
    });
  });
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export interface Account {
  email: string;
  password: string;
  cityId: string;
  token: string;
}

/** A new user of the seed city found by `q`, created by the admin, signed in once. */
export async function createAccount(api: ApiClient, adminToken: string, q: string, password = 'city-password-1'): Promise<Account> {
  const found = await api.get(`/cities?q=${encodeURIComponent(q)}`);
  if (found.status !== 200 || found.body.items?.length !== 1) throw new Error(`city "${q}": ${found.status} ${JSON.stringify(found.body)}`);
  const cityId: string = found.body.items[0].id;
  const email = uniqueEmail(q.replace(/\W/g, ''));
  const created = await api.as(adminToken).post('/users', { email, password, name: `User of ${q}`, role: 'city', cityId });
  if (created.status !== 201) throw new Error(`user of ${q}: ${created.status} ${JSON.stringify(created.body)}`);
  const signedIn = await api.post('/auth/login', { email, password });
  if (signedIn.status !== 200) throw new Error(`login ${email}: ${signedIn.status}`);
  return { email, password, cityId, token: signedIn.body.accessToken };
}
