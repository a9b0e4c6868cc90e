#!/usr/bin/env node
// The etcscore command: npm links it on Linux and macOS and wraps it in a .cmd shim on Windows.
// It runs the compiled CLI in dist/ (built by `npm run build`; the package ships it built).
import inspector from 'node:inspector';
import module from 'node:module';

// First of all, before anything slow: node opens a debugger port on SIGUSR1 (node 20 has no
// --disable-sigusr1), through which any process that can signal this one could read the
// transcripts in memory. A handler of our own stops that; a port a signal opened while node itself
// was starting, before this line, is closed (unless the debugger was asked for: --inspect).
process.on('SIGUSR1', () => {});
const debugging = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--inspect'));
const closeStrayInspector = () => {
  if (!debugging && inspector.url() !== undefined) inspector.close();
};
closeStrayInspector();

// Node 22.1 and later keep the code V8 compiled for each module on disk (in the system's temporary
// folder, or where NODE_COMPILE_CACHE says), so every later start skips compiling it again.
// Called before the CLI is imported, or its modules would already be compiled. Node 20 has no cache.
module.enableCompileCache?.();

const { main, installSignalHandlers } = await import('../dist/cli/main.js');
const { exitWhenReaderGoes } = await import('../dist/cli/io.js');

closeStrayInspector(); // one that a signal in node's own start opened a moment after the first look
installSignalHandlers();
exitWhenReaderGoes(process.stdout);
process.exitCode = await main(process.argv.slice(2));
