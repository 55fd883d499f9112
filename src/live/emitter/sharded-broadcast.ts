import { randomUUID } from 'node:crypto';

/** socket.io-adapter's MessageType.BROADCAST and socket.io-parser's PacketType.EVENT. */
const BROADCAST = 3;
const EVENT = 2;
/** Adapters ignore their own messages by uid; this process has no adapter, so any unique id does. */
const EMITTER_UID = `emitter-${randomUUID()}`;

/**
 * The channel the sharded adapter (`subscriptionMode: 'dynamic'`) listens on for a broadcast to
 * one room: `${channelPrefix}#${namespace}#${room}#`, subscribed only by instances with a socket
 * in that room, and hashed to a shard by its whole name (no braces), so rooms spread over shards.
 */
export function shardedRoomChannel(channelPrefix: string, namespace: string, room: string): string {
  return `${channelPrefix}#${namespace}#${room}#`;
}

/**
 * What `io.of(namespace).to(room).emit(event, payload)` publishes through the sharded adapter, as
 * JSON (the adapter reads JSON when the payload has no binary). @socket.io/redis-emitter speaks
 * only the classic adapter's format with PUBLISH (socket.io-redis-emitter#127), hence this.
 */
export function shardedRoomBroadcast(namespace: string, room: string, event: string, payload: unknown): string {
  return JSON.stringify({
    uid: EMITTER_UID,
    nsp: namespace,
    type: BROADCAST,
    data: {
      packet: { type: EVENT, data: [event, payload], nsp: namespace },
      opts: { rooms: [room], except: [], flags: {} },
    },
  });
}
