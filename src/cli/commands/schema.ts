import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'schema';

const load = () => import('../../commands/schema.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('print the JSON Schema of a file kind')
    .argument('<kind>', 'question-bank, rubric or stories')
    .action(lazyAction(load, (m, ctx, kind: string) => m.schemaCommand(kind, ctx)));
}
