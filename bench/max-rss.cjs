// Preloaded with `node -r` by the bench: reports the process's peak resident memory (all threads) on exit.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  const fd = Number(process.env.BENCH_RSS_FD || 0);
  if (fd) writeSync(fd, `${process.resourceUsage().maxRSS}\n`);
});
