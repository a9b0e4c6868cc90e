#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
import { main, installSignalHandlers } from '../dist/cli/main.js';
import { exitWhenReaderGoes } from '../dist/cli/io.js';

installSignalHandlers();
exitWhenReaderGoes(process.stdout);
process.exitCode = await main(process.argv.slice(2));
