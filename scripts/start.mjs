// `npm start`: the production server. Builds first when there is no build yet (a fresh clone),
// so `npm install && npm start` works; run `npm run build` yourself after pulling changes.
//
// It runs Next.js inside a small Node.js HTTP server rather than `next start`, for two things
// Next cannot do from a route handler:
// - tell the app the socket's address (`x-dailies-peer`), which no client can set, so sign-in
//   throttling cannot be dodged with a made-up X-Forwarded-For (lib/http/client-address.ts
//   decides whether to believe a proxy's header, from TRUSTED_PROXIES);
// - keep Content-Length on media: Next drops it from route handler responses, so the media
//   routes also send it as `x-dailies-content-length` (lib/http/media-length.ts), restored here.
// Like `next start`, it takes -p/--port (or PORT) and -H/--hostname (default: every address).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";

const PEER_HEADER = "x-dailies-peer";
const LENGTH_HEADER = "x-dailies-content-length";
const ENTRY = Symbol.for("dailies.server-entry");
// Set by the app (lib/worker/graceful-stop.ts): the embedded worker's graceful stop, run before the server closes.
const BEFORE_EXIT = Symbol.for("dailies.before-exit");

function option(names, fallback) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    if (names.includes(flag)) return inline ?? args[i + 1];
  }
  return fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT || 3000));
const hostname = option(["-H", "--hostname"], undefined);
process.env.NODE_ENV ??= "production";
// lib/env.ts reads PORT (how a worker reaches this server): make it the port actually used.
process.env.PORT = String(port);

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running `next build` once...");
  const built = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The app believes `x-dailies-peer` only when this entry runs it, since only here is it never the client's. */
globalThis[ENTRY] = { peerHeader: PEER_HEADER };

/** Turns the media routes' private length header into Content-Length as the head is written. */
function keepMediaLength(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const length = res.getHeader(LENGTH_HEADER);
    if (length !== undefined) {
      res.removeHeader(LENGTH_HEADER);
      const framed = res.getHeader("content-encoding") || res.getHeader("transfer-encoding");
      if (!framed && (res.statusCode === 200 || res.statusCode === 206) && /^\d+$/.test(String(length)))
        res.setHeader("content-length", String(length));
    }
    return writeHead.apply(this, args);
  };
}

const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port, customServer: true });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  keepMediaLength(res);
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    else res.destroy();
  });
});

server.listen(port, hostname, () => {
  console.log(`Dailies is ready on http://${hostname ?? "localhost"}:${port}`);
});

// The worker finishes its steps and hands its local renders back first, while the server still
// answers (a render finishing meanwhile reports to its own webhook route); then the server closes.
// A second signal is not caught: it ends the process at once.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.once(signal, () => {
    Promise.resolve(globalThis[BEFORE_EXIT]?.())
      .catch((err) => console.error("[server] graceful stop failed", err))
      .finally(() => {
        server.close();
        server.closeIdleConnections();
        app.close().finally(() => process.exit(code));
      });
  });
}
