/**
 * The Redis channel prefix shared by the Socket.IO adapter of every API instance and the emitter of
 * the workers; it carries the deployment key prefix, so parallel test files never hear each other.
 */
export function liveChannelKey(redisPrefix: string): string {
  return `${redisPrefix}:socket.io`;
}
