#!/usr/bin/env node
// The etcscore command: npm links it on Linux and macOS and wraps it in a .cmd shim on Windows.
// It runs the compiled CLI in dist/ (built by `npm run build`; the package ships it built).
import module from 'node:module';

// Node 22.1 and later keep the code V8 compiled for each module on disk (in the system's temporary
// folder, or where NODE_COMPILE_CACHE says), so every later start skips compiling it again.
// Called before the CLI is imported, or its modules would already be compiled. Node 20 has no cache.
module.enableCompileCache?.();

const { main, installSignalHandlers } = await import('../dist/cli/main.js');
const { exitWhenReaderGoes } = await import('../dist/cli/io.js');

installSignalHandlers();
exitWhenReaderGoes(process.stdout);
process.exitCode = await main(process.argv.slice(2));
