/** The words of e-mails in English; es.ts and fr.ts say the same (the type-check keeps them in step). */
export const en = {
  open: 'Open it in Creative Cities Exchange',
  reasonInstant: (city: string) =>
    `You receive this e-mail because you are a focal point of ${city} on Creative Cities Exchange and chose to be told of each notification at once.`,
  reasonDigest: (city: string, weekly: boolean) =>
    `You receive this ${weekly ? 'weekly' : 'daily'} digest because you are a focal point of ${city} on Creative Cities Exchange.`,
  unsubscribe: 'Stop these e-mails',
  preferences: 'Change how often you are told',
  digestSubject: (count: number, weekly: boolean) => `Your ${weekly ? 'weekly' : 'daily'} digest: ${count} notification${count === 1 ? '' : 's'}`,
  digestIntro: (count: number, weekly: boolean) =>
    `${count} notification${count === 1 ? '' : 's'} arrived since your previous ${weekly ? 'weekly' : 'daily'} digest.`,
  unsubscribePage: {
    title: 'Stop e-mails from Creative Cities Exchange',
    ask: 'Stop all e-mails of notifications to this address? Your inbox in the platform keeps every notification.',
    button: 'Stop e-mails',
    done: 'Done: you will receive no more e-mails of notifications. You can turn them on again in your preferences.',
    invalid: 'This link is not valid. Open your preferences in Creative Cities Exchange to change your e-mails.',
  },
};

export type MailWords = typeof en;
