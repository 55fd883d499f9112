/**
 * The body, and the query string, of a logout, which takes no input. Declaring them makes the global
 * ValidationPipe refuse any field sent anyway (400), as on every other route: a request that is
 * not exactly a logout never ends the session by accident.
 */
export class NoBodyDto {}
export class NoQueryDto {}
