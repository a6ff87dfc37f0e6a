/**
 * Blob store in an S3 bucket (AWS, or any S3-compatible store: MinIO, Ceph, R2), for files
 * that are large or many. Objects live at `<prefix>/sha256/ab/<sha256>`; uploads in progress
 * live under `<prefix>/tmp/`.
 *
 * A file no larger than one part is hashed in memory and written with a single PutObject,
 * which S3 makes visible only once whole. A larger file streams as a multipart upload to a
 * temporary key (at most two parts in memory: one filling, one in flight), is checked for
 * its size once complete, and is then copied to its content address inside the store and
 * the temporary object deleted: the final key never holds a partial file.
 */
import { createHash, randomUUID } from "node:crypto";
import { Readable, Writable, pipeline } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { S3ClientConfig } from "@aws-sdk/client-s3";
import {
  SHA256_PATTERN,
  contentMismatch,
  corrupt,
  emptyContent,
  verifyingStream,
} from "./blob-store.ts";
import type { BlobStore, StoredBlob } from "./blob-store.ts";
import { meter } from "./file-store.ts";

/** Where the objects go: from ATTEST_BLOB_URL, ATTEST_S3_ENDPOINT and ATTEST_S3_REGION. */
export interface S3Target {
  kind: "s3";
  bucket: string;
  /** Key prefix without leading or trailing slashes; "" for the bucket's root. */
  prefix: string;
  /** An S3-compatible server's URL; null for AWS itself. */
  endpoint: string | null;
  region: string;
}

export interface S3StoreOptions {
  /** Fixed keys (tests); without them the SDK's default chain finds them (env, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Multipart part size; S3 requires at least 5 MiB for every part but the last. */
  partBytes?: number;
}

/** Large enough that most evidence takes one request, small enough to keep two in memory. */
export const PART_BYTES = 8 * 1024 * 1024;

/** For people and logs: never carries credentials (the target holds none). */
export function describeS3Target(target: S3Target): string {
  const where = target.endpoint === null ? `AWS ${target.region}` : target.endpoint;
  return `S3 s3://${target.bucket}/${target.prefix} at ${where}`;
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === "NoSuchKey" ||
    error.name === "NotFound" ||
    error.$metadata.httpStatusCode === 404);

const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #base: string;
  readonly #partBytes: number;

  constructor(target: S3Target, options: S3StoreOptions = {}) {
    const config: S3ClientConfig = { region: target.region };
    if (target.endpoint !== null) {
      // S3-compatible servers are addressed by path (no bucket DNS names), and many do not
      // understand the SDK's newer default checksum headers and chunked trailers. Each
      // part still carries a Content-MD5 that such servers check.
      Object.assign(config, {
        endpoint: target.endpoint,
        forcePathStyle: true,
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      } satisfies S3ClientConfig);
    }
    if (options.credentials !== undefined) config.credentials = options.credentials;
    this.#client = new S3Client(config);
    this.#bucket = target.bucket;
    this.#base = target.prefix === "" ? "" : `${target.prefix}/`;
    this.#partBytes = options.partBytes ?? PART_BYTES;
  }

  #keyOf(sha256: string): string {
    return `${this.#base}sha256/${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(content: Readable, maxBytes: number): Promise<StoredBlob> {
    const upload = new MultipartUpload(
      this.#client,
      this.#bucket,
      `${this.#base}tmp/${randomUUID()}`,
    );
    const partBytes = this.#partBytes;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const takePending = () => {
      const part = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      return part;
    };
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < partBytes) return done();
        upload.send(takePending()).then(() => done(), done);
      },
      final(done) {
        // A file that fits in one part is sent whole after hashing, by put itself.
        if (!upload.started || pendingBytes === 0) return done();
        upload.send(takePending()).then(() => done(), done);
      },
    });
    const counter = meter(maxBytes);
    try {
      await pipelineAsync(content, counter, sink);
      if (counter.size() === 0) throw emptyContent();
      const sha256 = counter.sha256();
      const size = counter.size();
      if (!upload.started) {
        const whole = takePending();
        // Already stored and intact: nothing to send. Missing or corrupt: write (or repair).
        if ((await this.check(sha256)) !== null) await this.#putWhole(sha256, whole);
        return { sha256, size };
      }
      const arrived = await upload.complete();
      if (arrived !== size) {
        throw corrupt(sha256, `the upload lost parts (${arrived} of ${size} bytes arrived)`);
      }
      if ((await this.check(sha256)) !== null) {
        await this.#client.send(
          new CopyObjectCommand({
            Bucket: this.#bucket,
            Key: this.#keyOf(sha256),
            CopySource: `${this.#bucket}/${upload.key}`,
          }),
        );
      }
      return { sha256, size };
    } finally {
      await upload.discard();
    }
  }

  async #putWhole(sha256: string, bytes: Buffer): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: this.#keyOf(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentMD5: md5(bytes),
      }),
    );
  }

  /** The object's body, or null when there is no such object. */
  async #open(sha256: string): Promise<Readable | null> {
    try {
      const response = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: this.#keyOf(sha256) }),
      );
      // In Node.js the SDK hands over the HTTP response itself, a Readable.
      if (!(response.Body instanceof Readable)) throw new Error("the S3 body is not a stream");
      return response.Body;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    if (!SHA256_PATTERN.test(sha256)) throw corrupt(sha256, "not a SHA-256");
    const body = await this.#open(sha256);
    if (body === null) throw corrupt(sha256, "the file is missing");
    const verify = verifyingStream(sha256);
    // A reader that hangs up ends the HTTP response too, so the socket goes back to the pool.
    pipeline(body, verify, () => undefined);
    return verify;
  }

  async check(sha256: string): Promise<string | null> {
    if (!SHA256_PATTERN.test(sha256)) return "not a SHA-256";
    try {
      const body = await this.#open(sha256);
      if (body === null) return "the file is missing";
      return await contentMismatch(sha256, body);
    } catch (error) {
      return `it cannot be read (${messageOf(error)})`;
    }
  }

  /**
   * Temporary objects left by a crash between completing an upload and copying it, and
   * multipart uploads never completed. Some S3-compatible servers (s3rver among them) cannot
   * list multipart uploads; there a bucket lifecycle rule has to expire them.
   */
  async sweepTemporary(olderThanMs: number, now: Date): Promise<number> {
    const cutoff = now.getTime() - olderThanMs;
    const prefix = `${this.#base}tmp/`;
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({
          Bucket: this.#bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined || (object.LastModified?.getTime() ?? 0) >= cutoff) continue;
        await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: object.Key }));
        removed += 1;
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return removed + (await this.#abortStaleUploads(prefix, cutoff));
  }

  async #abortStaleUploads(prefix: string, cutoff: number): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      let page;
      try {
        page = await this.#client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.#bucket,
            Prefix: prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
      } catch (error) {
        if (error instanceof S3ServiceException && error.name === "NotImplemented") return removed;
        throw error;
      }
      for (const stale of page.Uploads ?? []) {
        if ((stale.Initiated?.getTime() ?? 0) >= cutoff) continue;
        await this.#client.send(
          new AbortMultipartUploadCommand({
            Bucket: this.#bucket,
            Key: stale.Key,
            UploadId: stale.UploadId,
          }),
        );
        removed += 1;
      }
      const more = page.IsTruncated === true;
      keyMarker = more ? page.NextKeyMarker : undefined;
      uploadIdMarker = more ? page.NextUploadIdMarker : undefined;
    } while (keyMarker !== undefined);
    return removed;
  }

  /** Closes the pooled connections. */
  close(): void {
    this.#client.destroy();
  }
}

function md5(bytes: Buffer): string {
  return createHash("md5").update(bytes).digest("base64");
}

/**
 * One multipart upload to a temporary key. A part is sent while the next one fills; sending
 * a third waits for the first, so memory stays at two parts whatever the file's size.
 */
class MultipartUpload {
  #uploadId: Promise<string> | undefined;
  #inFlight: Promise<void> = Promise.resolve();
  readonly #parts: { PartNumber: number; ETag: string }[] = [];
  #completed = false;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    readonly key: string,
  ) {}

  get started(): boolean {
    return this.#uploadId !== undefined;
  }

  async send(part: Buffer): Promise<void> {
    this.#uploadId ??= this.client
      .send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.key }))
      .then((created) => {
        if (created.UploadId === undefined) throw new Error("S3 returned no upload id");
        return created.UploadId;
      });
    await this.#inFlight;
    const partNumber = this.#parts.length + 1;
    this.#parts.push({ PartNumber: partNumber, ETag: "" });
    const sending = this.#uploadId.then(async (uploadId) => {
      const sent = await this.client.send(
        new UploadPartCommand({
          Bucket: this.bucket,
          Key: this.key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: part,
          ContentLength: part.length,
          ContentMD5: md5(part),
        }),
      );
      const entry = this.#parts[partNumber - 1];
      if (entry === undefined || sent.ETag === undefined) throw new Error("S3 returned no ETag");
      entry.ETag = sent.ETag;
    });
    // Awaited by the next send or by complete(); marked handled so a failure that arrives
    // before then is not reported as unhandled.
    sending.catch(() => undefined);
    this.#inFlight = sending;
  }

  /** Completes the upload; returns how many bytes the stored object holds. */
  async complete(): Promise<number> {
    await this.#inFlight;
    const uploadId = await this.#uploadId;
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: this.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: this.#parts },
      }),
    );
    this.#completed = true;
    const head = await this.client.send(
      new HeadObjectCommand({ Bucket: this.bucket, Key: this.key }),
    );
    return head.ContentLength ?? -1;
  }

  /** Removes whatever this upload left: the temporary object, or the unfinished parts. */
  async discard(): Promise<void> {
    if (this.#uploadId === undefined) return;
    await this.#inFlight.catch(() => undefined);
    // Failures are left to sweepTemporary: the file itself is already stored or refused.
    if (this.#completed) {
      await this.client
        .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key }))
        .catch(() => undefined);
      return;
    }
    const uploadId = await this.#uploadId.catch(() => undefined);
    if (uploadId === undefined) return;
    await this.client
      .send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: uploadId }),
      )
      .catch(() => undefined);
  }
}
