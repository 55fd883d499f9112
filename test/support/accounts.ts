import { waitFor, type ApiClient } from '@app/testing';
import { CommandBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io-client';
import { SendMailCommand, type OutgoingMail } from '../../src/mail/contracts';
import type { RunningApp } from './test-app';

export interface ReadMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * The e-mails an app sent, as a user would read them: from the development mailbox
 * (`GET /admin/mailbox?to=`, the embedded default without SMTP_URL). Where the app has no mailbox
 * route, from the SendMailCommands it executed in process (recorded on its CommandBus).
 */
export class Mails {
  private readonly sent: OutgoingMail[] = [];
  private mailbox: boolean | undefined;

  private constructor(private readonly admin: ApiClient) {}

  static attach(running: RunningApp, admin: ApiClient): Mails {
    const mails = new Mails(admin);
    const bus = running.app.get(CommandBus);
    const execute = bus.execute.bind(bus);
    bus.execute = (async (command: unknown) => {
      if (!(command instanceof SendMailCommand)) return execute(command as never);
      mails.sent.push(command.mail);
      try {
        return await execute(command as never);
      } catch (error) {
        // An app without the mail module's handler: the recorded command is the mail.
        if ((error as Error).constructor?.name !== 'CommandHandlerNotFoundException') throw error;
      }
    }) as typeof bus.execute;
    return mails;
  }

  /** Every mail to this address so far (oldest first). */
  async to(address: string): Promise<ReadMail[]> {
    if (this.mailbox !== false) {
      const res = await this.admin.get(`/admin/mailbox?to=${encodeURIComponent(address)}&limit=100`);
      if (res.status === 200) {
        this.mailbox = true;
        return [...(res.body.items as ReadMail[])].reverse();
      }
      if (this.mailbox === true || res.status !== 404) throw new Error(`mailbox: ${res.status} ${JSON.stringify(res.body)}`);
      this.mailbox = false;
    }
    return this.sent.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }

  /** Waits for the `count`-th mail to this address (1-based) and answers it. */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<ReadMail> {
    const all = await waitFor(
      `mail #${count} to ${address}`,
      async () => ((await this.to(address)).length >= count ? this.to(address) : undefined),
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
