/**
 * Started by scripts/prestart.ts just before `npm start` runs `next start`: waits until the site
 * answers, then prints its URL and how long the whole start took. Plain JS (no tsx) so it costs
 * nothing while the server boots; gives up quietly after two minutes.
 * usage: node scripts/announce-serving.mjs URL STARTED_AT_MS
 */
const [url, startedAt] = process.argv.slice(2);
const deadline = Date.now() + 120_000;
const since = (ms) => {
  const s = Math.round(ms / 1000);
  return s < 90 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};
while (Date.now() < deadline) {
  try {
    const res = await fetch(new URL('/api/status', url), { signal: AbortSignal.timeout(5000) });
    if (res.status === 200 || res.status === 503) {
      console.log(`[start] serving at ${url} (npm start took ${since(Date.now() - Number(startedAt))})`);
      process.exit(0);
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
