/**
 * The web application: static files built by Vite into web/dist, and index.html for every
 * other page path so the browser's router can take over.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));

export async function registerWebApp(app: FastifyInstance, root = WEB_ROOT): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    wildcard: false,
    index: false,
    // Hashed asset names never change; index.html must always be fresh.
    setHeaders: (res, filePath) => {
      void res.header(
        "cache-control",
        filePath.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  return true;
}

/** A page path (not the API, not a file) answers with the app's index.html. */
export function isPagePath(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return request.method === "GET" && !path.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(path);
}

export function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "no-cache").sendFile("index.html");
}
