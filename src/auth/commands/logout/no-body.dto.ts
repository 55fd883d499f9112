/**
 * The body of a logout, which takes no input. Declaring it makes the global ValidationPipe refuse
 * any field sent anyway (400), as on every other route.
 */
export class NoBodyDto {}
