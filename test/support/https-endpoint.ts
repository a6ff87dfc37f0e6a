/**
 * A local HTTPS server for the availability monitor's tests: a self-signed certificate for
 * 127.0.0.1 and localhost, made once per process with the system's openssl, and written to a
 * PEM file a test passes as ATTEST_MONITOR_CA_FILE (or its text as the context's monitorCa).
 * The status it answers is mutable, and it can go silent or stop, as an outage would.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import os from "node:os";
import path from "node:path";

export interface TestCertificate {
  keyPem: string;
  certPem: string;
  /** The certificate's file: trust it through ATTEST_MONITOR_CA_FILE. */
  caFile: string;
}

let made: TestCertificate | undefined;

export function testCertificate(): TestCertificate {
  if (made !== undefined) return made;
  const dir = mkdtempSync(path.join(os.tmpdir(), "attest-tls-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "30",
      "-subj",
      "/CN=attest-monitor-test",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  made = { keyPem: readFileSync(key, "utf8"), certPem: readFileSync(cert, "utf8"), caFile: cert };
  return made;
}

export interface HttpsEndpoint {
  /** https://127.0.0.1:<port>/health */
  url: string;
  /** What it answers next; "silent" accepts the request and never answers. */
  answer: number | "silent";
  hits: number;
  close(): Promise<void>;
}

export async function startHttpsEndpoint(answer: number | "silent" = 200): Promise<HttpsEndpoint> {
  const { keyPem, certPem } = testCertificate();
  const sockets = new Set<Socket>();
  const endpoint: HttpsEndpoint = {
    url: "",
    answer,
    hits: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = https.createServer({ key: keyPem, cert: certPem }, (request, response) => {
    endpoint.hits += 1;
    if (endpoint.answer === "silent") return;
    response.writeHead(endpoint.answer, { "content-type": "text/plain" });
    response.end(endpoint.answer < 400 ? "ok" : "unavailable");
  });
  // The raw TCP connections, so close() ends a silent request too.
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  return endpoint;
}
