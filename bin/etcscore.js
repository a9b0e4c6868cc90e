#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
import { main, installSignalHandlers } from '../dist/cli/main.js';

installSignalHandlers();
process.exitCode = await main(process.argv.slice(2));
