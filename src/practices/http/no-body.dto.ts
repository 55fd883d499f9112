/**
 * The body of an action that takes no input (unhide). Declaring it makes the global
 * ValidationPipe refuse any field sent anyway (400), as on every other route.
 */
export class NoBodyDto {}
