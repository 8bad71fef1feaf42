import { readFileSync, statSync } from "node:fs";

/** A STIX object as read: only what every object has is checked; the mapping checks the rest. */
export interface StixIn {
  type: string;
  id: string;
  spec_version: string;
  [property: string]: unknown;
}

/** Input the connector refuses whole: one line, nothing written. */
export class StixInputError extends Error {}

/** The enterprise matrix is ~45 MB; anything past this is not a bundle a connector should hold. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Objects of one bundle or one TAXII collection read in one run. */
export const MAX_OBJECTS = 200_000;

const STIX_ID =
  /^[a-z0-9][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const SCO_TYPES = new Set(
  "artifact autonomous-system directory domain-name email-addr email-message file ipv4-addr ipv6-addr mac-addr mutex network-traffic process software url user-account windows-registry-key x509-certificate".split(
    " ",
  ),
);

/** A bundle file, checked whole before anything is used. */
export function readBundleFile(path: string, maxBytes = MAX_FILE_BYTES): StixIn[] {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new StixInputError(`${path}: no such file`);
  }
  if (size > maxBytes) {
    throw new StixInputError(`${path}: ${size} bytes, over the limit of ${maxBytes} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StixInputError(`${path}: not JSON (${(error as Error).message})`);
  }
  if (!isObject(json) || json.type !== "bundle") {
    throw new StixInputError(`${path}: not a STIX bundle ($.type must be "bundle")`);
  }
  // STIX 2.0 bundles carry their version; 2.1 bundles carry none (objects do).
  if (json.spec_version !== undefined) {
    throw new StixInputError(
      `${path}: $.spec_version ${JSON.stringify(json.spec_version)}: only STIX 2.1 bundles are read (their envelope has no spec_version)`,
    );
  }
  if (json.objects === undefined) return [];
  if (!Array.isArray(json.objects)) {
    throw new StixInputError(`${path}: $.objects must be a list`);
  }
  return checkObjects(json.objects, `${path}: $.objects`);
}

/** Every object has a type, a well-formed id of that type and spec_version "2.1". */
export function checkObjects(objects: unknown[], at: string): StixIn[] {
  if (objects.length > MAX_OBJECTS) {
    throw new StixInputError(`${at}: ${objects.length} objects, over the limit of ${MAX_OBJECTS}`);
  }
  for (const [i, object] of objects.entries()) {
    const where = `${at}[${i}]`;
    if (!isObject(object)) throw new StixInputError(`${where}: must be an object`);
    if (typeof object.type !== "string" || typeof object.id !== "string") {
      throw new StixInputError(`${where}: must have a string type and id`);
    }
    if (!STIX_ID.test(object.id) || !object.id.startsWith(`${object.type}--`)) {
      throw new StixInputError(
        `${where}.id: "${object.id.slice(0, 80)}" is not a ${object.type} id`,
      );
    }
    // STIX 2.1 § 6: a cyber-observable without spec_version is 2.1.
    const sco = SCO_TYPES.has(object.type) && object.spec_version === undefined;
    if (object.spec_version !== "2.1" && !sco) {
      throw new StixInputError(
        `${where}.spec_version: ${JSON.stringify(object.spec_version) ?? "missing"} (${object.id}): only STIX 2.1 is read`,
      );
    }
  }
  return objects as StixIn[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
