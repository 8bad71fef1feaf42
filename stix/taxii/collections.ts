import { uuidv5 } from "../ids";
import type { CollectionKey } from "../model";
import { STIX_MEDIA_TYPE } from "./media";

export interface Collection {
  id: string;
  alias: string;
  title: string;
  description: string;
  /** The objects it holds: those placed in this collection key, or all of them. */
  holds: CollectionKey | "everything";
}

const collection = (holds: Collection["holds"], title: string, description: string) => ({
  id: uuidv5(`taxii-collection:${holds}`),
  alias: holds,
  title,
  description,
  holds,
});

/** Ids are UUIDv5 of their alias: the same on every server. */
export const COLLECTIONS: Collection[] = [
  collection(
    "everything",
    "Everything",
    "Every STIX object of attribution-graph, as `npm run export -- FILE --format stix` writes them.",
  ),
  collection(
    "governments",
    "Governments, statements and attributions",
    "Identities of governments, agencies and officials, their locations, the states and agencies as threat actors, statements (reports) and their attribution relationships.",
  ),
  collection(
    "incidents",
    "Incidents and threat actors",
    "Campaigns (incidents), intrusion sets (threat actors), the vulnerabilities and sectors they target, and their relationships.",
  ),
  collection(
    "legal-actions",
    "Legal actions",
    "Indictments, complaints and sanctions as x-attribution-graph-legal-action objects, with their extension definition; the persons they name (individual identities), related to them and to their affiliations.",
  ),
];

/** A collection by id or alias. */
export const findCollection = (key: string) =>
  COLLECTIONS.find((c) => c.id === key.toLowerCase() || c.alias === key);

export const collectionResource = (c: Collection) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  alias: c.alias,
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
});
