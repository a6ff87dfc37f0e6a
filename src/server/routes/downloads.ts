/** Sends a file as a download that the browser will not run as a page. */
import type { FastifyReply } from "fastify";
import type { RenderedReport } from "../../services/reporting/report-output.ts";

/**
 * A Content-Disposition value any file name fits in: an ASCII stand-in for old clients, and
 * the real name in UTF-8 as `filename*` (RFC 6266, RFC 8187). A header may carry only
 * Latin-1, so a raw "名前.txt" would make Node refuse the whole answer.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // RFC 8187 leaves fewer characters bare than encodeURIComponent does.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of an attachment: its type, its name (ASCII and UTF-8), and a sandbox. */
export function attachment(
  reply: FastifyReply,
  fileName: string,
  mediaType: string,
  length?: number,
): FastifyReply {
  void reply
    .header("content-type", mediaType)
    .header("content-disposition", contentDisposition("attachment", fileName))
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
