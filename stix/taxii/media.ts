/** TAXII resources, envelopes included (TAXII 2.1 § 1.6.8). */
export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
/** STIX content: what collections hold (their `media_types`) and the per-record bundles. */
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

interface Range {
  type: string;
  version?: string;
  q: number;
}

function ranges(header: string): Range[] {
  return header.split(",").map((part) => {
    const [type, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const param = (name: string) =>
      params
        .find((p) => p.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .replace(/^"|"$/g, "");
    const q = param("q");
    return { type, version: param("version"), q: q === undefined ? 1 : Number(q) };
  });
}

/**
 * Whether an `Accept` header admits `mediaType` (a `type/subtype;version=2.1`): the type
 * itself at version 2.1 or without a version, `*\/*` or `type/*`, or one of `alternatives`
 * (`application/json`). No header accepts anything (RFC 9110 § 12.5.1); `q=0` refuses.
 */
export function accepts(
  header: string | undefined,
  mediaType: string,
  alternatives: string[] = [],
): boolean {
  if (header === undefined || header.trim() === "") return true;
  const [wanted, versionParam] = mediaType.split(";");
  const version = versionParam?.split("=")[1];
  const family = `${wanted.split("/")[0]}/*`;
  return ranges(header).some(
    (range) =>
      range.q > 0 &&
      (range.type === "*/*" ||
        range.type === family ||
        alternatives.includes(range.type) ||
        (range.type === wanted && (range.version === undefined || range.version === version))),
  );
}
