// Worker thread of the parse pool (pool.ts): plain JS so it starts without a TypeScript loader,
// then registers tsx itself (worker threads do not inherit the parent's --import hooks).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { processFile } = await import('./pipeline.ts');

parentPort.on('message', async ({ id, file }) => {
  let res;
  try {
    res = await processFile(file);
  } catch (e) {
    res = { file, error: `解析失败：${e instanceof Error ? e.message : String(e)}`, code: 'parse.crashed' };
  }
  parentPort.postMessage({ id, res });
});
parentPort.postMessage({ ready: true });
