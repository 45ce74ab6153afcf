/** Types for the plain-JS corpus generator (run by `npm run bench` without a build step). */
export function writeCorpus(
  dir: string,
  options?: {
    files?: number;
    perFile?: number;
    seed?: number;
    style?: 'own' | 'yaml';
    nearDuplicates?: boolean;
  },
): { files: number; questions: number; bytes: number };
export function writeDuplicates(
  dir: string,
  options?: { copies?: number; sameId?: boolean },
): { questions: number; bytes: number };
export function writeHistory(
  home: string,
  options?: { attempts?: number; days?: number; seed?: number },
): number;
