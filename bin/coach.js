#!/usr/bin/env node
// The CLI lives in the bundle that `npm install` builds (the `prepare` script).
import('../dist/cli.js').then((cli) => cli.run(process.argv));
