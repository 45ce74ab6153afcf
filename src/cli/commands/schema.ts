import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';

const load = () => import('../../commands/schema.js');

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a file kind')
    .argument('<kind>', 'question-bank, rubric or stories')
    .action(lazyAction(load, (m, ctx, kind: string) => m.schemaCommand(kind, ctx)));
}
