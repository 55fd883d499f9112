import { waitFor } from '@app/testing';
import { openAsAdmin } from './support/admin-pages';
import { linkPath, mailTo, tokenOfPage, uniqueEmail, webAppWith } from './support/accounts-pages';
import { scrollWidth, seriousViolations } from './support/practices-pages';
import { createFocalPoint, signIn } from './support/web-app';

jest.setTimeout(90_000);

/**
 * Accounts in Chromium (issue #11 with the accounts API): an invitation followed from the
 * development mailbox to a signed-in user, a password reset, a password change, signing out, the
 * profile and the people of a city. Elements are found by role and accessible name only.
 */
describe('Accounts in a browser', () => {
  const { app, admin, api, users, open, origin } = webAppWith(['bilbao', 'valencia']);
  const [bilbao] = users;

  it('an admin invites a focal point; the mail is read in the dev mailbox, its link followed, a password set: the new user is signed in', async () => {
    const email = uniqueEmail('ane');
    const page = await open();
    await openAsAdmin(page, admin, app.adminToken);
    await page.goto(`${origin()}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('link', { name: 'Invite someone' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invite someone' }).waitFor();
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
    await page.getByRole('textbox', { name: 'Name' }).fill('Ane Etxeberria');
    await page.getByRole('combobox', { name: 'City' }).selectOption({ value: bilbao.cityId });
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `An invitation is on its way to Ane Etxeberria (${email}).` })
      .waitFor();
    await mailTo(admin, email); // mails go through a queue: wait for it before opening the mailbox

    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Mailbox (development)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mailbox (development)' }).waitFor();
    await page.getByRole('searchbox', { name: 'To' }).fill(email);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const list = page.getByRole('list', { name: 'E-mails, newest first' });
    await list
      .getByRole('listitem')
      .filter({ hasText: `To ${email}` })
      .getByRole('link')
      .click();
    const mail = page.getByRole('article');
    await mail.getByText(email).first().waitFor();
    const link = mail.getByRole('link', { name: /\/accept-invitation\?token=/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^https?:\/\/[^/]+\/accept-invitation\?token=/);
    // The HTML part shows in a sandboxed frame: no scripts, no same origin.
    await mail.getByRole('button', { name: 'Show the HTML version' }).click();
    expect(await mail.locator('iframe').getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');

    // The invitee, in their own browser (the link names PUBLIC_URL; this test's app runs on another port).
    const invitee = await open();
    const url = new URL(href!);
    await invitee.goto(`${origin()}${url.pathname}${url.search}`);
    await invitee.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    await invitee.getByLabel('New password', { exact: true }).fill('short');
    await invitee.getByLabel('Repeat the new password').fill('short');
    await invitee.getByRole('button', { name: 'Set my password and sign in' }).click();
    await invitee.getByRole('alert').getByRole('link', { name: 'New password: Use at least 10 characters.' }).waitFor();
    await invitee.getByLabel('New password', { exact: true }).fill('ane-chooses-a-long-one');
    await invitee.getByLabel('Repeat the new password').fill('ane-chooses-a-long-one');
    await invitee.getByRole('button', { name: 'Set my password and sign in' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Hello, Ane Etxeberria' }).waitFor();

    // The link works once.
    const again = await open();
    await again.goto(`${origin()}${url.pathname}${url.search}`);
    await again.getByLabel('New password', { exact: true }).fill('another-long-password');
    await again.getByLabel('Repeat the new password').fill('another-long-password');
    await again.getByRole('button', { name: 'Set my password and sign in' }).click();
    await again
      .getByRole('alert')
      .getByText(/This link is not valid/)
      .waitFor();

    // The admin sees Ane in the list and may disable her: her session ends.
    await page.goto(`${origin()}/admin/users`);
    const users = page.getByRole('list', { name: 'Users' });
    await users.getByRole('listitem').filter({ hasText: email }).waitFor();
    await page.getByRole('button', { name: 'Disable Ane Etxeberria' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable Ane Etxeberria?' });
    await dialog.getByText(/signed out everywhere at once/).waitFor();
    await dialog.getByRole('button', { name: 'Disable the account' }).click();
    await page.getByRole('status').filter({ hasText: 'Ane Etxeberria is disabled.' }).waitFor();
    await page.getByRole('button', { name: 'Enable Ane Etxeberria' }).waitFor();
    const aneToken = await tokenOfPage(invitee);
    expect((await api.as(aneToken!).get('/auth/me')).status).toBe(401);
  });

  it('forgotten password: the same answer for any address; the mailed link sets a new one, which signs in', async () => {
    const focal = await createFocalPoint(admin, bilbao.cityId, 'Iker Bilbao');
    const page = await open();
    await page.goto(`${origin()}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgotten your password?' }).waitFor();
    const unknown = uniqueEmail('nobody');
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(unknown);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `If ${unknown} is the address of an account` })
      .waitFor();
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(focal.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `If ${focal.email} is the address of an account` })
      .waitFor();

    const mail = await mailTo(admin, focal.email);
    await page.goto(`${origin()}${linkPath(mail.text, '/reset-password')}`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('iker-new-password-1');
    await page.getByLabel('Repeat the new password').fill('iker-new-password-2');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /The two passwords are not the same/ })
      .waitFor();
    await page.getByLabel('Repeat the new password').fill('iker-new-password-1');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your new password is set. Sign in with it.' }).waitFor();
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await signIn(page, origin(), { ...focal, password: 'iker-new-password-1' });
    expect((await api.post('/auth/login', { email: focal.email, password: focal.password })).status).toBe(401);
  });

  it('changes the password from the account menu: a wrong current one is said beside it; the old one stops working', async () => {
    const focal = await createFocalPoint(admin, bilbao.cityId, 'Miren Bilbao');
    const page = await open();
    await signIn(page, origin(), focal);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
    await page.getByLabel('Current password', { exact: true }).fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('miren-new-password');
    await page.getByLabel('Repeat the new password').fill('miren-new-password');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Current password: / })
      .waitFor();
    await page.getByLabel('Current password', { exact: true }).fill(focal.password);
    await page.getByLabel('New password', { exact: true }).fill('miren-new-password');
    await page.getByLabel('Repeat the new password').fill('miren-new-password');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
    expect((await api.post('/auth/login', { email: focal.email, password: focal.password })).status).toBe(401);
    expect((await api.post('/auth/login', { email: focal.email, password: 'miren-new-password' })).status).toBe(200);
    // This tab stays signed in.
    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
  });

  it('signing out ends the token at the API, not only in the tab', async () => {
    const focal = await createFocalPoint(admin, bilbao.cityId, 'Jon Bilbao');
    const page = await open();
    await signIn(page, origin(), focal);
    const token = await tokenOfPage(page);
    expect((await api.as(token!).get('/auth/me')).status).toBe(200);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect((await api.as(token!).get('/auth/me')).status).toBe(401);
  });

  it('the profile saves the name and language; the language switcher saves the language too; a city user invites a colleague', async () => {
    const focal = await createFocalPoint(admin, bilbao.cityId, 'Nerea Bilbao');
    const page = await open();
    await signIn(page, origin(), focal);
    const token = await tokenOfPage(page);
    await page.goto(`${origin()}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Nerea Urrutia');
    await page.getByRole('combobox', { name: 'Your language' }).selectOption('es');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Su perfil está guardado.' }).waitFor();
    expect((await api.as(token!).get('/auth/me')).body).toMatchObject({ name: 'Nerea Urrutia', language: 'es' });

    await page.getByRole('combobox', { name: 'Idioma', exact: true }).first().selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Votre profil' }).waitFor();
    await waitFor('the language saved as fr', async () => (await api.as(token!).get('/auth/me')).body.language === 'fr');
    await page.getByRole('combobox', { name: 'Langue', exact: true }).first().selectOption('en');
    await waitFor('the language saved as en', async () => (await api.as(token!).get('/auth/me')).body.language === 'en');

    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: /^People of / }).waitFor();
    await page.getByRole('list', { name: 'Users' }).getByText('Nerea Urrutia').waitFor();
    expect(await page.getByRole('combobox', { name: 'City' }).count()).toBe(0);
    const colleague = uniqueEmail('colleague');
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(colleague);
    await page.getByRole('textbox', { name: 'Name' }).fill('Colleague of Nerea');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `An invitation is on its way to Colleague of Nerea (${colleague}).` })
      .waitFor();
    expect((await mailTo(admin, colleague)).text).toMatch(/\/accept-invitation\?token=/);
  });

  // One viewport per test: 13 pages with an axe run each fill a test's time on a loaded machine.
  it.each([
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ])('every new account page at $width px: no serious or critical axe violation, and at 360 px nothing scrolls sideways', async (viewport) => {
    const focal = await createFocalPoint(admin, bilbao.cityId, `Ainhoa Bilbao ${viewport.width}`);
    await api.post('/auth/password-reset', { email: focal.email });
    const reset = await mailTo(admin, focal.email);
    const found: string[] = [];
    const anonymous = await open({ viewport });
    for (const path of ['/accept-invitation?token=abc', '/accept-invitation', '/reset-password', '/reset-password?token=abc']) {
      await anonymous.goto(`${origin()}${path}`);
      await anonymous.getByRole('heading', { level: 1 }).waitFor();
      found.push(...(await seriousViolations(anonymous, `${path} at ${viewport.width}px`)));
      if (viewport.width === 360) expect([path, await scrollWidth(anonymous)]).toEqual([path, 360]);
    }
    const city = await open({ viewport });
    await signIn(city, origin(), focal);
    for (const path of ['/account', '/account/password', '/account/people']) {
      await city.goto(`${origin()}${path}`);
      await city.getByRole('heading', { level: 1 }).waitFor();
      await city.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
      found.push(...(await seriousViolations(city, `${path} at ${viewport.width}px`)));
      if (viewport.width === 360) expect([path, await scrollWidth(city)]).toEqual([path, 360]);
    }
    const adminPage = await open({ viewport });
    await openAsAdmin(adminPage, admin, app.adminToken);
    for (const path of [
      '/admin/users',
      '/admin/users/invite',
      '/admin/users/new',
      `/admin/mailbox?to=${encodeURIComponent(focal.email)}&mail=${reset.id}`,
    ]) {
      await adminPage.goto(`${origin()}${path}`);
      await adminPage.getByRole('heading', { level: 1 }).waitFor();
      await adminPage.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
      // The mail's own HTML (its sandboxed frame, where axe cannot run) is the mail's, not the page's: left closed.
      if (path.includes('mailbox')) await adminPage.getByRole('article').waitFor();
      found.push(...(await seriousViolations(adminPage, `${path} at ${viewport.width}px`)));
      if (viewport.width === 360) expect([path, await scrollWidth(adminPage)]).toEqual([path, 360]);
    }
    expect(found).toEqual([]);
  });
});
