import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FILE_KINDS } from '../src/schema/index.js';
import { jsonSchemaFor } from '../src/schema/json-schema.js';
import { PRINCIPLE_IDS } from '../src/schema/principles.js';
import { repoRoot } from './helpers/paths.js';

describe('committed JSON Schemas', () => {
  it.each(FILE_KINDS)('schemas/%s.schema.json is what the zod schema generates', (kind) => {
    const committed = readFileSync(join(repoRoot, 'schemas', `${kind}.schema.json`), 'utf8');
    const generated = `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`;
    expect(
      committed,
      `schemas/${kind}.schema.json is out of date with src/schema: run \`npm run schemas\` and commit the result`,
    ).toBe(generated);
  });

  it.each(FILE_KINDS)('the %s schema is draft-07, strict, and requires its kind', (kind) => {
    const schema = jsonSchemaFor(kind) as {
      $schema: string;
      additionalProperties: unknown;
      required: string[];
      properties: { kind: { const: string } };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('kind');
    expect(schema.properties.kind.const).toBe(kind);
  });
});

describe('shipped YAML files', () => {
  const shipped = [
    ...readdirSync(join(repoRoot, 'question-banks')).map((f) => `question-banks/${f}`),
    ...readdirSync(join(repoRoot, 'rubrics')).map((f) => `rubrics/${f}`),
  ].filter((f) => /\.ya?ml$/.test(f));

  it('there are some', () => {
    expect(shipped.length).toBeGreaterThan(3);
  });

  it.each(shipped)('%s starts with the yaml-language-server modeline for its kind', (file) => {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    const { kind } = parse(text) as { kind: string };
    expect(FILE_KINDS).toContain(kind);
    expect(text.split('\n', 1)[0]).toBe(`# yaml-language-server: $schema=../schemas/${kind}.schema.json`);
  });
});

describe('the stories schema for editors', () => {
  it('requires exactly one of text and star, and completes principle ids', () => {
    const schema = jsonSchemaFor('stories') as {
      title: string;
      properties: {
        stories: { items: { oneOf: unknown; properties: { principles: { items: { enum: string[] } } } } };
      };
    };
    expect(schema.title).toBe('interview-coach story bank');
    const story = schema.properties.stories.items;
    expect(story.oneOf).toEqual([{ required: ['text'] }, { required: ['star'] }]);
    expect(story.properties.principles.items.enum).toEqual([...PRINCIPLE_IDS]);
  });
});
