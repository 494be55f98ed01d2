import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runEngineContract } from './engine-contract';
import { runVersionContract } from './engine-contract-versions';
import { SqliteEngine } from '../lib/search/sqlite';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-contract-'));
let n = 0;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

runEngineContract('sqlite', async () => new SqliteEngine({ dataDir: path.join(root, String(++n)) }));
runVersionContract('sqlite', async () => new SqliteEngine({ dataDir: path.join(root, String(++n)) }));
