import { createHash } from "node:crypto";

/**
 * The project's UUIDv5 namespace: every STIX id is UUIDv5(NAMESPACE, name), so an object keeps
 * its id across exports and servers, and OpenCTI deduplicates re-imports. Never change it.
 */
export const NAMESPACE = "840fe7bd-fbd8-4441-a841-bf97e8f6ecc5";

/** RFC 4122 version 5: SHA-1 of the namespace's bytes and the UTF-8 name. */
export function uuidv5(name: string, namespace = NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `identity--<uuid>` for the name `Government:us`: the type, then UUIDv5 of the name. */
export const stixId = (type: string, name: string) => `${type}--${uuidv5(name)}`;
