import { resolveConfig } from '../../config.js';
import type { Level } from '../../schema/index.js';
import type { CommandContext } from '../context.js';

/** The target level: --level, else `level:` in the config file, else none (the judge is told the question's levels). */
export async function targetLevel(flag: Level | undefined, ctx: CommandContext): Promise<Level | undefined> {
  return flag ?? (await resolveConfig({ cwd: ctx.cwd, env: ctx.env })).level;
}
