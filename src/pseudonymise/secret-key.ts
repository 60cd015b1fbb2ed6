import { inspect } from "node:util";

const REDACTED = "[prepost key, not shown]";

/**
 * The HMAC key's bytes, kept where no message can reach them: printing, logging, JSON or an error's
 * text shows only a placeholder. Only `pseudonym` reads the bytes.
 */
export class SecretKey {
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    this.#bytes = Buffer.from(bytes);
  }

  /** The bytes themselves, for the HMAC; nothing else should call this. */
  reveal(): Buffer {
    return this.#bytes;
  }

  get byteLength(): number {
    return this.#bytes.length;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
