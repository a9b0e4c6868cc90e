// A worker thread of the pool (pool.ts): scores the units it is sent with the settings it was
// started with, and replies with the items in order. It imports the compiled code in dist/.
import { parentPort, workerData } from 'node:worker_threads';
import { createScorer, type WorkSettings, type WorkUnit } from './units.js';
import type { WorkerReply } from './pool.js';
import { utf8 } from './io.js';
import { tuneForBatch } from './heap.js';

tuneForBatch(); // the flags are the process's already; this lets growthFor change them here too

const score = createScorer(workerData as WorkSettings);

parentPort!.on('message', ({ id, unit }: { id: number; unit: WorkUnit }) => {
  let reply: WorkerReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = score(unit);
    if (result.output) {
      // As bytes in buffers of their own, moved to the main thread: it writes them as they are,
      // and never holds the text on its heap.
      // Each piece encoded as it is made: a long result's text is never all on this heap at once.
      result.output = Array.from(result.output as Iterable<string>, (part) => {
        const bytes = utf8(part);
        transfer.push(bytes.buffer as ArrayBuffer);
        return bytes;
      });
    }
    reply = { id, result };
  } catch (err) {
    // A bug, not bad input (bad input is an error item): the run stops with this message.
    reply = { id, error: (err as Error).message ?? String(err) };
  }
  parentPort!.postMessage(reply, transfer);
});
