// A worker thread of the pool (pool.ts): scores the units it is sent with the settings it was
// started with, and replies with the items in order. It imports the compiled code in dist/.
import { parentPort, workerData } from 'node:worker_threads';
import { createScorer, type WorkSettings, type WorkUnit } from './units.js';
import type { WorkerReply } from './pool.js';

const score = createScorer(workerData as WorkSettings);

parentPort!.on('message', ({ id, unit }: { id: number; unit: WorkUnit }) => {
  let reply: WorkerReply;
  try {
    reply = { id, items: score(unit) };
  } catch (err) {
    // A bug, not bad input (bad input is an error item): the run stops with this message.
    reply = { id, error: (err as Error).message ?? String(err) };
  }
  parentPort!.postMessage(reply);
});
