// The throughput baseline: the least a Node server can do to send a file (node:http + fs.createReadStream).
// Usage: node bench/static-server.mjs <file>; prints the port it listens on.
import fs from "node:fs";
import http from "node:http";

const file = process.argv[2];
const size = fs.statSync(file).size;

const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "video/mp4", "content-length": String(size) });
  fs.createReadStream(file).pipe(res);
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
