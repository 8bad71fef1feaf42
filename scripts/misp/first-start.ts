import "../../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { runFirstStartLoad } from "../first-start-load";
import { runMispConnector } from "./connector";
import { GALAXY_LOAD } from "./on-start";

// Run by `npm start` (on-start.ts) once its gateway is ready, until a load completes: the shipped
// galaxy. argv: the gateway's URL.
runFirstStartLoad(process.env, GALAXY_LOAD, "misp-galaxy connector (first npm start)", (client) =>
  runMispConnector({ client, log: console.log, progressEvery: 100 }),
);
