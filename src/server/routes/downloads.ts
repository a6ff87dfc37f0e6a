/** Sends a rendered file as a download that the browser will not run as a page. */
import type { FastifyReply } from "fastify";
import type { RenderedReport } from "../../services/report-output.ts";

export function sendDownload(reply: FastifyReply, file: RenderedReport): Buffer {
  const ascii = file.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  void reply
    .header("content-type", file.mediaType)
    .header("content-length", String(file.body.length))
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    // A downloaded HTML report opened from this origin still runs nothing.
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  return file.body;
}
