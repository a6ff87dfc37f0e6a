/**
 * The id of an operator's key (secret-box.ts): the first 12 hex digits of SHA-256 over a label
 * and the key's bytes.
 *
 * Worked out here rather than with node:crypto because every command needs the id at start
 * (secrets-at-rest.ts checks the stored secrets against it), and loading node:crypto costs a
 * command some 4 ms, more than any other module it loads. A command that never seals or opens
 * a secret now never loads it. This is SHA-256 as FIPS 180-4 defines it, held by the tests to
 * node:crypto's digest; it only names a key. Sealing and opening use node:crypto.
 */

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
// Eight to a line, as the standard prints them.
// prettier-ignore
const ROUND_CONSTANTS = Uint32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

/** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
// prettier-ignore
const INITIAL_STATE = Uint32Array.of(
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
);

const rotateRight = (word: number, bits: number) => (word >>> bits) | (word << (32 - bits));

/** SHA-256 of `message`. */
export function sha256(message: Uint8Array): Uint8Array {
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of blocks.
  const blocks = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  blocks.set(message);
  blocks[message.length] = 0x80;
  const view = new DataView(blocks.buffer);
  const bits = message.length * 8;
  view.setUint32(blocks.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(blocks.length - 4, bits >>> 0);

  const state = Uint32Array.from(INITIAL_STATE);
  const schedule = new Uint32Array(64);
  const working = new Uint32Array(8);
  for (let offset = 0; offset < blocks.length; offset += 64) {
    for (let t = 0; t < 64; t += 1) {
      if (t < 16) {
        schedule[t] = view.getUint32(offset + t * 4);
        continue;
      }
      const w15 = schedule[t - 15] ?? 0;
      const w2 = schedule[t - 2] ?? 0;
      const sigma0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 >>> 3);
      const sigma1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 >>> 10);
      schedule[t] = (schedule[t - 16] ?? 0) + sigma0 + (schedule[t - 7] ?? 0) + sigma1;
    }
    working.set(state);
    for (let t = 0; t < 64; t += 1) {
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = working;
      const sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25);
      const choice = (e & f) ^ (~e & g);
      const first = h + sum1 + choice + (ROUND_CONSTANTS[t] ?? 0) + (schedule[t] ?? 0);
      const sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      // Uint32Array stores each sum modulo 2^32, as the standard's additions are.
      working.set([first + sum0 + majority, a, b, c, d + first, e, f, g]);
    }
    for (let i = 0; i < 8; i += 1) state[i] = (state[i] ?? 0) + (working[i] ?? 0);
  }
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 8; i += 1) out.setUint32(i * 4, state[i] ?? 0);
  return digest;
}

const LABEL = new TextEncoder().encode("attest secret key id\0");

/** The id a key is known by: 12 hex digits, the same for the same key bytes everywhere. */
export function keyIdOf(material: Uint8Array): string {
  const labelled = new Uint8Array(LABEL.length + material.length);
  labelled.set(LABEL);
  labelled.set(material, LABEL.length);
  return Buffer.from(sha256(labelled)).toString("hex").slice(0, 12);
}
