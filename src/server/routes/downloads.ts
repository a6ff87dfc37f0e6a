/** Sends a file as a download that the browser will not run as a page. */
import type { FastifyReply } from "fastify";
import type { RenderedReport } from "../../services/reporting/report-output.ts";

/** Headers of an attachment: its type, its name (ASCII and UTF-8), and a sandbox. */
export function attachment(
  reply: FastifyReply,
  fileName: string,
  mediaType: string,
  length?: number,
): FastifyReply {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  void reply
    .header("content-type", mediaType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    // A downloaded HTML report opened from this origin still runs nothing.
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header("cache-control", "no-store");
  if (length !== undefined) void reply.header("content-length", String(length));
  return reply;
}

export function sendDownload(reply: FastifyReply, file: RenderedReport): Buffer {
  attachment(reply, file.fileName, file.mediaType, file.body.length);
  return file.body;
}
