import type { Document } from 'bson';
import type { Engine } from './engine';
import { CommandError, Code } from './errors';
import { encodeReply, Framer, OP_MSG, parseMessage, type Request } from './wire';

/** What a connection needs of its socket (a net.Socket; the benchmark feeds a stand-in). */
export interface ConnectionSocket {
  readonly destroyed: boolean;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  write(bytes: Buffer): unknown;
  destroy(): unknown;
}

/**
 * Serves the wire protocol on one connection: re-frames the stream, runs each command and writes
 * its reply. Requests are answered in order, even when one of them waits (getMore on a change
 * stream, a journal sync): while a reply is pending, later requests queue behind it; otherwise a
 * request is answered within the data event that brought it, without a promise.
 */
export function serveConnection(socket: ConnectionSocket, engine: Engine, connectionId: number): void {
  const framer = new Framer();
  let queue: Promise<void> | undefined;
  const enqueue = (pending: Promise<void>): void => {
    const current: Promise<void> = pending.then(
      () => {
        if (queue === current) queue = undefined; // the last pending reply went: back to answering at once
      },
      () => {
        socket.destroy(); // respond never rejects; if it did, the connection's state is unknown
      },
    );
    queue = current;
  };
  socket.on('data', (chunk) => {
    let messages: Buffer[];
    try {
      messages = framer.push(chunk);
    } catch {
      socket.destroy();
      return;
    }
    for (const message of messages) {
      if (queue) {
        enqueue(queue.then(() => respond(socket, engine, message, connectionId)));
        continue;
      }
      const waiting = respond(socket, engine, message, connectionId);
      if (waiting) enqueue(waiting);
    }
  });
}

/** Answers one message: at once, or (returning a promise) once the command's reply is ready. */
function respond(socket: ConnectionSocket, engine: Engine, message: Buffer, connectionId: number): Promise<void> | undefined {
  let request: Request;
  try {
    request = parseMessage(message);
  } catch (err) {
    const error = err instanceof CommandError ? err : new CommandError(Code.FailedToParse, String((err as Error).message));
    if (!socket.destroyed) socket.write(encodeReply(message.readInt32LE(4), OP_MSG, error.toReply()));
    return undefined;
  }
  const send = (reply: Document): void => {
    if (request.moreToCome || socket.destroyed) return;
    let bytes: Buffer;
    try {
      bytes = encodeReply(request.requestId, request.opCode, reply);
    } catch (err) {
      // A reply bson cannot encode answers as an error, never as an exception in the data event.
      bytes = encodeReply(request.requestId, request.opCode, new CommandError(Code.InternalError, String((err as Error).message)).toReply());
    }
    socket.write(bytes);
  };
  const reply = engine.run(request.command, connectionId);
  if (reply instanceof Promise) return reply.then(send);
  send(reply);
  return undefined;
}
