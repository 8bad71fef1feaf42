import type { Env } from "../../platform/env";
import { projectPath } from "../../platform/paths";
import { type GalaxyLoad, loadGalaxyInBackground, loadInBackground } from "../misp/on-start";

/** The ATT&CK load's name in the table of completed loads (misp/on-start.ts). */
export const ATTACK_LOAD = "attack-ics";

/** MITRE ATT&CK for ICS as shipped, with its licence and provenance (SOURCE.md). */
export const SHIPPED_ATTACK_ICS = projectPath(
  "data",
  "vendor",
  "attack-ics",
  "ics-attack-18.1.json",
);

/**
 * The first start's loads, one after the other in the background: the MISP galaxy, then ATT&CK
 * for ICS (matched against the galaxy's actors, so after them); each until one load of it ran to
 * its end.
 */
export function firstStartLoads(
  env: Env,
  gatewayUrl: string,
  log: (line: string) => void,
  which: { galaxy: boolean; attack: boolean },
): GalaxyLoad {
  let current: GalaxyLoad | undefined;
  let killed = false;
  const done = (async () => {
    let ok = true;
    if (which.galaxy) {
      current = loadGalaxyInBackground(env, gatewayUrl, log);
      ok = await current.done;
    }
    if (which.attack && !killed) {
      current = loadInBackground(env, gatewayUrl, log, {
        script: ["scripts", "stix-in", "first-start.js"],
        prefix: "attack-ics    | ",
        what: "MITRE ATT&CK for ICS (groups, campaigns, attributed-to)",
        command: `npm run import:stix -- ${SHIPPED_ATTACK_ICS}`,
      });
      ok = (await current.done) && ok;
    }
    return ok;
  })();
  return {
    done,
    kill: () => {
      killed = true;
      current?.kill();
    },
  };
}
