import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';
import { decodePng, distinctColours } from '../helpers/png.js';
import { writeKnownHistory } from './history-fixture.js';

/**
 * The report opened in a real browser: headless Chromium (Debian's `chromium`; .ci/run installs it)
 * loads the page from disk, takes a screenshot and logs console messages and network activity.
 */

const BROWSER = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
);
const REASON = 'skipped: no chromium on PATH (apt-get install chromium, or run .ci/run)';
if (!BROWSER) console.warn(`chromium.test.ts: ${REASON}`);

const tmp = useTempDir('coach-chromium-');

interface Opened {
  consoleLines: string[];
  /** URLs the page itself asked for (Chromium's own update and sign-in traffic is told apart). */
  pageRequests: string[];
  png: Buffer;
}

function open(page: string, dir: string, extraFlags: string[] = []): Opened {
  const shot = join(dir, 'shot.png');
  const netLog = join(dir, 'net-log.json');
  const run = spawnSync(
    BROWSER!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--no-pings',
      // Chromium's own update and account requests resolve no host, so nothing leaves the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--enable-logging=stderr',
      '--v=0',
      `--log-net-log=${netLog}`,
      `--screenshot=${shot}`,
      '--window-size=1280,2000',
      ...extraFlags,
      pathToFileURL(page).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (!existsSync(shot))
    throw new Error(`chromium took no screenshot (status ${run.status}):\n${run.stderr}`);
  return {
    consoleLines: run.stderr.split('\n').filter((l) => /:CONSOLE[:(]/.test(l)),
    pageRequests: pageRequests(readFileSync(netLog, 'utf8')),
    png: readFileSync(shot),
  };
}

/**
 * Requests started for the page: URL_REQUEST_START_JOB events whose network isolation key is the
 * page's own site (file://). Headless Chromium also starts requests to update and account servers by
 * itself, despite --disable-background-networking (the host resolver rule above makes them fail
 * before any lookup); those carry no file:// key and are not the page's doing.
 */
function pageRequests(log: string): string[] {
  const text = log.trim().endsWith('}') ? log : `${log.replace(/,?\s*$/, '')}]}`;
  const json = JSON.parse(text) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; network_isolation_key?: string } }[];
  };
  const start = json.constants.logEventTypes.URL_REQUEST_START_JOB;
  return json.events
    .filter((e) => e.type === start && e.params?.url && e.params.network_isolation_key?.includes('file://'))
    .map((e) => e.params!.url!)
    .filter((url) => !url.startsWith('file:'));
}

describe.skipIf(!BROWSER)(`the report in headless Chromium${BROWSER ? '' : ` (${REASON})`}`, () => {
  beforeAll(assertBuilt);

  it('opens with no console error and no request, and the screenshot is not blank', async () => {
    await writeKnownHistory(tmp(), { stories: true });
    const run = runCoach(['report', '-o', 'report.html'], { cwd: tmp(), env: { COACH_HOME: tmp() } });
    expect(run.status).toBe(0);
    const opened = open(join(tmp(), 'report.html'), tmp());
    expect(opened.consoleLines).toEqual([]);
    expect(opened.pageRequests).toEqual([]);
    const png = decodePng(opened.png);
    expect([png.width, png.height]).toEqual([1280, 2000]);
    // A blank page is one colour; text, bands, bars and tables give hundreds.
    expect(distinctColours(png)).toBeGreaterThan(50);
  });

  it('follows a dark colour scheme: the page background is dark when the browser prefers dark', async () => {
    await writeKnownHistory(tmp());
    expect(runCoach(['report', '-o', 'report.html'], { cwd: tmp(), env: { COACH_HOME: tmp() } }).status).toBe(
      0,
    );
    const corner = (png: ReturnType<typeof decodePng>) => {
      const [r, g, b] = png.pixels.subarray(10 * png.width * png.channels, 10 * png.width * png.channels + 3);
      return (r! + g! + b!) / 3;
    };
    const light = decodePng(open(join(tmp(), 'report.html'), tmp()).png);
    const dark = decodePng(open(join(tmp(), 'report.html'), tmp(), ['--force-dark-mode']).png);
    expect(corner(light)).toBeGreaterThan(200);
    expect(corner(dark)).toBeLessThan(60);
  });

  it('the same checks catch a page that logs an error and fetches something', () => {
    const canary = join(tmp(), 'canary.html');
    writeFileSync(
      canary,
      '<!doctype html><p>canary</p><script>console.error("canary-error")</script><img src="http://127.0.0.1:9/x.png">',
    );
    const opened = open(canary, tmp());
    expect(opened.consoleLines.join('\n')).toContain('canary-error');
    expect(opened.pageRequests).toContain('http://127.0.0.1:9/x.png');
  });
});
