// Preloaded with `node --import` in front of the CLI: every way a Node process can reach another
// machine (TCP, TLS, UDP, DNS, HTTP(S), fetch) throws, and each attempt is appended to the file
// named by ETCSCORE_NET_LOG, so a test can prove that none was made even if the error was caught.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

function tripwire(what) {
  return function blocked() {
    if (process.env.ETCSCORE_NET_LOG) appendFileSync(process.env.ETCSCORE_NET_LOG, `${what}\n`);
    throw new Error(`network access attempted: ${what}`);
  };
}

net.Socket.prototype.connect = tripwire('net.Socket.connect');
net.connect = net.createConnection = tripwire('net.connect');
tls.connect = tripwire('tls.connect');
dgram.Socket.prototype.send = tripwire('dgram.send');
dgram.Socket.prototype.connect = tripwire('dgram.connect');
for (const fn of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[fn] = tripwire(`dns.${fn}`);
  dns.promises[fn] = tripwire(`dns.promises.${fn}`);
}
for (const [name, mod] of [['http', http], ['https', https]]) {
  mod.request = tripwire(`${name}.request`);
  mod.get = tripwire(`${name}.get`);
}
globalThis.fetch = tripwire('fetch');
// Named ESM imports of builtins ("import { connect } from 'node:net'") see the patched functions too.
syncBuiltinESMExports();
