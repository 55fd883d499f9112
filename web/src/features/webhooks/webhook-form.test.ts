import { describe, expect, it } from 'vitest';
import { CITY_EVENTS, NETWORK_EVENTS, toggleEvent, webhookBodyOf, webhookIssues } from './webhook-form';

describe('webhook form', () => {
  it('asks for an http(s) address and at least one event', () => {
    expect(webhookIssues({ url: '', description: '', events: [] })).toEqual({ url: 'missingUrl', events: 'noEvents' });
    expect(webhookIssues({ url: 'ftp://x.test/hook', description: '', events: ['PartnerInvited'] })).toEqual({ url: 'badUrl' });
    expect(webhookIssues({ url: 'not a url', description: '', events: ['PartnerInvited'] })).toEqual({ url: 'badUrl' });
    expect(webhookIssues({ url: 'https://it.city.test/hook', description: '', events: ['PartnerInvited'] })).toEqual({});
  });
  it('sends the description only when written', () => {
    expect(webhookBodyOf({ url: ' https://a.test/h ', description: ' ', events: ['ExchangeRequested'] })).toEqual({
      url: 'https://a.test/h',
      events: ['ExchangeRequested'],
    });
    expect(webhookBodyOf({ url: 'https://a.test/h', description: 'CRM', events: ['ExchangeRequested'] }).description).toBe('CRM');
  });
  it('keeps the events in the lists’ order', () => {
    const order = CITY_EVENTS.flatMap((g) => g.types);
    expect(toggleEvent(['ExchangeRequested'], 'PartnerInvited', true, order)).toEqual(['PartnerInvited', 'ExchangeRequested']);
    expect(toggleEvent(['PartnerInvited', 'ExchangeRequested'], 'PartnerInvited', false, order)).toEqual(['ExchangeRequested']);
  });
  it('the network may take every event a city may, and more, each once', () => {
    const network = NETWORK_EVENTS.flatMap((g) => g.types);
    expect(new Set(network).size).toBe(network.length);
    for (const type of CITY_EVENTS.flatMap((g) => g.types)) expect(network).toContain(type);
  });
});
