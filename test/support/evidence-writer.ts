/**
 * A process that adds file evidence as fast as it can and prints each item's id once the
 * service has returned (acknowledged), until it is killed. Used by the kill -9 test.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { actorIn } from "../../src/domain/actor.ts";
import { loadConfig } from "../../src/services/platform/config.ts";
import { openContext } from "../../src/services/platform/context.ts";
import { addEvidence } from "../../src/services/program/evidence.service.ts";

const config = loadConfig(process.env);
const ctx = await openContext(config);
const organizationId = process.env.WRITER_ORG ?? "";
const actor = actorIn({ kind: "system", id: "writer", name: "writer" }, organizationId, "owner");
for (let i = 0; ; i += 1) {
  // Large enough that a kill often lands mid-file.
  const bytes = randomBytes(256 * 1024 + i);
  const item = await addEvidence(
    ctx,
    actor,
    {
      kind: "file",
      content: Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]),
      fileName: `f${i}.bin`,
    },
    { title: `item ${i}`, controls: ["AC-04"], forDate: "2026-03-01" },
  );
  process.stdout.write(`${item.id} ${item.sha256}\n`);
}
