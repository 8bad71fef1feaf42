import "../../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { runFirstStartLoad } from "../first-start-load";
import { runStixConnector } from "./connector";
import { ATTACK_LOAD, SHIPPED_ATTACK_ICS } from "./on-start";

// Run by `npm start` (on-start.ts) after the galaxy, so that ATT&CK's groups match the galaxy's
// actors: the shipped ATT&CK for ICS bundle. argv: the gateway's URL.
runFirstStartLoad(
  process.env,
  ATTACK_LOAD,
  "STIX connector, ATT&CK for ICS (first npm start)",
  (client) =>
    runStixConnector({ source: SHIPPED_ATTACK_ICS, client, log: console.log, progressEvery: 100 }),
);
