/**
 * The body of an action that takes no input (accept, start…). Declaring it makes the global
 * ValidationPipe refuse any field sent anyway (400), as for every other route.
 */
export class NoBodyDto {}
