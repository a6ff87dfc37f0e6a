import { hash } from "node:crypto";

/** SHA-256 of text (as UTF-8), in hex: how links and records are fingerprinted. */
export function sha256Hex(text: string): string {
  return hash("sha256", text, "hex");
}
