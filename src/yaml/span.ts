// Kept apart from locate.ts, which needs yaml v2: the registry and lint report a span without
// parsing anything, and importing this costs no YAML library at start-up.

/**
 * A 1-based span in a file, as editors and CI annotations expect it. Columns count UTF-16 code
 * units (what yaml v2's LineCounter and JavaScript string offsets give), not bytes or code points:
 * an emoji before a problem counts as two columns. The SARIF reporter declares this as its columnKind.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export type YamlPath = readonly PropertyKey[];
