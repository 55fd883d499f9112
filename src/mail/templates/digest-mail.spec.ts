import { digestMail, groupItems } from './digest-mail';

const links = {
  publicUrl: 'https://x.example',
  unsubscribe: 'https://x.example/api/v1/mail/unsubscribe?token=t',
  preferences: 'https://x.example/inbox/preferences',
};
const item = (title: string, group: string, kind = 'project', id = group) => ({
  title,
  body: `${title} body`,
  link: { kind, id },
  groupTitle: group,
});

describe('digest mail', () => {
  it('groups items by the project or practice they are about, in order of arrival', () => {
    const groups = groupItems([item('a', 'P1'), item('b', 'Q', 'practice'), item('c', 'P1'), item('d', 'Q', 'exchange', 'e1')]);
    expect(groups.map((g) => [g.title, g.items.map((i) => i.title)])).toEqual([
      ['P1', ['a', 'c']],
      ['Q', ['b', 'd']],
    ]);
  });

  it('says how many arrived, in the user’s language, with links, the reason and the unsubscribe headers', () => {
    const mail = digestMail({ key: 'k', to: 'u@x.example', lang: 'fr', weekly: true, cityName: 'Lyon', items: [item('<b>a</b>', 'P1')], links });
    expect(mail.subject).toBe('Votre récapitulatif hebdomadaire : 1 notification');
    expect(mail.text).toContain('https://x.example/projects/P1');
    expect(mail.text).toContain('point focal de Lyon');
    expect(mail.html).toContain('&#60;b&#62;a&#60;/b&#62;'); // escaped, never markup
    expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});
