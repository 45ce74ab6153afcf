import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a file kind')
    .argument('<kind>', 'question-bank, rubric or stories')
    .action(
      lazyAction(async (ctx, kind: string) => {
        const { schemaCommand } = await import('../../commands/schema.js');
        return schemaCommand(kind, ctx);
      }),
    );
}
