import type { CommandContext } from '@app/events';

/**
 * The city a command is probably for, to read what the aggregate's rule needs (has it endorsed?
 * has it an open exchange?): the one named, else the caller's. The aggregate decides whether the
 * caller may act for it (`cityActingFor`), so a wrong guess here is refused there.
 */
export const candidateCity = (ctx: CommandContext, named: string | null | undefined): string | null => named || ctx.actor.cityId;
