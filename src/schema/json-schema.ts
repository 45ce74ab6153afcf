import * as z from 'zod';
import type { FileKind } from './common.js';
import { SCHEMAS } from './index.js';
import { PRINCIPLE_IDS } from './principles.js';
import { Story, StoryPrinciple } from './stories.js';

const TITLES: Record<FileKind, string> = {
  'question-bank': 'interview-coach question bank',
  rubric: 'interview-coach rubric',
  stories: 'interview-coach story bank',
};

/** JSON Schema for editors (yaml-language-server) and `coach schema`, generated from the zod schemas. */
export function jsonSchemaFor(kind: FileKind): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind], {
    io: 'input',
    target: 'draft-07',
    override: (ctx) => {
      // Refinements have no JSON Schema form: state "either text or star" for editors by hand.
      if (ctx.zodSchema === Story) ctx.jsonSchema.oneOf = [{ required: ['text'] }, { required: ['star'] }];
      // For completion in editors; lint checks the same list with a friendlier message.
      if (ctx.zodSchema === StoryPrinciple) ctx.jsonSchema.enum = [...PRINCIPLE_IDS];
    },
  }) as Record<string, unknown>;
  return { ...schema, title: TITLES[kind] };
}
