import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { projectPath } from "../../platform/paths";
import type { TestFederation } from "./federation";

const run = promisify(execFile);

/** The MISP galaxy copy the repository ships, and its clusters. */
export const SHIPPED = projectPath("data", "vendor", "misp-galaxy");
export const shipped = JSON.parse(readFileSync(join(SHIPPED, "threat-actor.json"), "utf8"));
export const CLUSTERS: number = shipped.values.length;
export const cluster = (value: string) =>
  shipped.values.find((v: { value: string }) => v.value === value);

/** A threat actor in bundle form (its `bundleRecord`). */
export interface Snapshot {
  record: Record<string, any>;
  sources: Record<string, any>;
}

const ACTORS = /* GraphQL */ `
  query Actors($after: String) {
    threatActors(first: 100, after: $after, orderBy: { field: ID }) {
      nodes {
        bundleRecord
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const ACTOR = /* GraphQL */ `
  query Actor($id: ID!) {
    threatActor(id: $id) {
      id
      name
      kind
      description
      managedBy
      sponsorConfidence
      sponsorState {
        id
        isoAlpha2
        isoAlpha3
      }
      suspectedOrigin {
        government {
          id
        }
        claimedBy
        sources {
          url
        }
      }
      aliases {
        name
        namedBy
        ambiguous
        sources {
          url
        }
      }
      externalIds {
        system
        id
      }
      sources {
        url
      }
    }
  }
`;

/** The connector as the README runs it, and the graph it writes, read back over HTTP. */
export class GalaxyRun {
  constructor(
    private readonly federation: TestFederation,
    private readonly token: string,
  ) {}

  /** `node dist/scripts/import-misp.js ...args` through the gateway with the editor key. */
  async connector(args: string[]) {
    const argv = [projectPath("dist", "scripts", "import-misp.js"), ...args];
    argv.push("--url", this.federation.gatewayUrl, "--token", this.token);
    try {
      const { stdout, stderr } = await run("node", argv, {
        cwd: projectPath(),
        env: { ...process.env, LOG_LEVEL: "silent" },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  }

  async data<T = any>(query: string, variables: Record<string, unknown> = {}) {
    const answer = await this.federation.query<T>(query, variables, { token: this.token });
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  /** Every threat actor in bundle form, by id. */
  async actors(): Promise<Map<string, Snapshot>> {
    const all = new Map<string, Snapshot>();
    let after: string | null = null;
    for (;;) {
      const page: any = (await this.data(ACTORS, { after })).threatActors;
      for (const { bundleRecord } of page.nodes) all.set(bundleRecord.record.id, bundleRecord);
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  }

  async actor(id: string) {
    return (await this.data(ACTOR, { id })).threatActor;
  }
}

const parts = ({
  aliases = [],
  externalIds = [],
  sources,
  suspectedOrigin,
  ...fields
}: Record<string, any>) => ({ aliases, externalIds, sources, suspectedOrigin, fields });

/** Each curated actor's own fields, aliases, origin and sources are still exactly there. */
export function expectCuratedKept(curated: Map<string, Snapshot>, now: Map<string, Snapshot>) {
  for (const [id, before] of curated) {
    const after = now.get(id)!;
    const [was, is] = [parts(before.record), parts(after.record)];
    expect(is.fields, id).toEqual(was.fields);
    // A curated origin stays; one the record lacked may come from the galaxy.
    if (was.suspectedOrigin) expect(is.suspectedOrigin, id).toEqual(was.suspectedOrigin);
    expect(is.aliases.slice(0, was.aliases.length), id).toEqual(was.aliases);
    expect(is.sources.slice(0, was.sources.length), id).toEqual(was.sources);
    for (const key of was.sources) {
      expect(after.sources[key], `${id} ${key}`).toEqual(before.sources[key]);
    }
    const others = is.externalIds.filter((e: { system: string }) => e.system !== "misp-galaxy");
    expect(others, id).toEqual(was.externalIds);
  }
}

/** Three clusters crafted to conflict: a shared alias, unknown places and producers, REvil. */
export function craftedGalaxy() {
  const value = (
    name: string,
    uuid: string,
    meta: Record<string, unknown>,
    description?: string,
  ) => ({
    value: name,
    uuid,
    ...(description ? { description } : {}),
    meta,
  });
  return {
    name: "Threat Actor",
    type: "threat-actor",
    source: "crafted for test/e2e/scripts/misp.test.ts",
    version: 1,
    values: [
      value("Crafted Kestrel", "8e1f6a0c-0000-4000-8000-000000000001", {
        // "Leviathan" is curated APT40's alias too.
        synonyms: ["Crafted Shared Name", "Leviathan"],
        "cfr-suspected-state-sponsor": "Atlantis",
        "cfr-suspected-victims": ["Narnia", "France"],
        "name-attribution": ["Crafted Kestrel:0badc0de-0000-4000-8000-000000000000"],
        refs: ["https://example.org/crafted/kestrel"],
      }),
      value("Crafted Osprey", "8e1f6a0c-0000-4000-8000-000000000002", {
        synonyms: ["Crafted Shared Name"],
        "origin:Crafted Osprey": "Nonexistent Labs",
        "cfr-suspected-state-sponsor": "France",
        "attribution-confidence": "80",
        refs: ["https://example.org/crafted/osprey"],
      }),
      value(
        "REvil",
        "8e1f6a0c-0000-4000-8000-000000000003",
        {
          synonyms: ["Sodinokibi", "GOLD SOUTHFIELD"],
          "name-attribution": ["GOLD SOUTHFIELD:a7119872-bc6b-494b-9f7a-8c50faaf53a9"],
          "cfr-suspected-state-sponsor": "Russian Federation",
          refs: ["https://example.org/crafted/revil"],
        },
        "A crafted description, which must not replace the curated one.",
      ),
    ],
  };
}
