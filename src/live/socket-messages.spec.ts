import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io';
import { listen, sharedListener, type MessageHandler } from './socket-messages';

/** A socket as far as the listeners see it: Node's EventEmitter calls them with `this` = the emitter. */
function fakeSocket(connected = true): Socket & EventEmitter {
  return Object.assign(new EventEmitter(), { connected }) as unknown as Socket & EventEmitter;
}

const flush = () => new Promise((r) => setImmediate(r));

describe('sharedListener', () => {
  const onError = jest.fn((_message: string, _error: unknown) => ({ ok: false, error: 'unavailable' }));
  beforeEach(() => onError.mockClear());

  function bind(handle: MessageHandler, socket = fakeSocket()) {
    listen(socket, new Map([['thing:do', sharedListener('thing:do', handle, onError)]]));
    return socket;
  }

  it('calls the handler with the socket it came from and its body, and acknowledges the result', async () => {
    const handle = jest.fn(async (_socket: Socket, body: unknown) => ({ ok: true, got: body }));
    const [a, b] = [bind(handle), bind(handle)];
    const acks = [jest.fn(), jest.fn()];
    a.emit('thing:do', { id: 'a' }, acks[0]);
    b.emit('thing:do', { id: 'b' }, acks[1]);
    await flush();
    expect(handle.mock.calls.map(([socket]) => socket)).toEqual([a, b]);
    expect(acks[0]).toHaveBeenCalledWith({ ok: true, got: { id: 'a' } });
    expect(acks[1]).toHaveBeenCalledWith({ ok: true, got: { id: 'b' } });
  });

  it('takes a lone acknowledgement as no body, and several arguments as an array', async () => {
    const handle = jest.fn(async (_socket: Socket, body: unknown) => ({ body }));
    const socket = bind(handle);
    const acks = [jest.fn(), jest.fn()];
    socket.emit('thing:do', acks[0]);
    socket.emit('thing:do', 1, 2, acks[1]);
    await flush();
    expect(acks[0]).toHaveBeenCalledWith({ body: undefined });
    expect(acks[1]).toHaveBeenCalledWith({ body: [1, 2] });
  });

  it('answers the error result when the handler throws or rejects, and reports it', async () => {
    const socket = bind((_socket, body) => {
      if (body === 'sync') throw new Error('sync');
      return Promise.reject(new Error('async'));
    });
    const acks = [jest.fn(), jest.fn()];
    socket.emit('thing:do', 'sync', acks[0]);
    socket.emit('thing:do', 'async', acks[1]);
    await flush();
    expect(acks[0]).toHaveBeenCalledWith({ ok: false, error: 'unavailable' });
    expect(acks[1]).toHaveBeenCalledWith({ ok: false, error: 'unavailable' });
    expect(onError.mock.calls.map(([message, error]) => [message, (error as Error).message])).toEqual([
      ['thing:do', 'sync'],
      ['thing:do', 'async'],
    ]);
  });

  it('does not answer a socket that disconnected meanwhile', async () => {
    const socket = bind(async () => ({ ok: true }));
    const ack = jest.fn();
    socket.emit('thing:do', {}, ack);
    socket.connected = false;
    await flush();
    expect(ack).not.toHaveBeenCalled();
  });
});
