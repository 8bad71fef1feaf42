import { type DataSource, In } from "typeorm";
import { byIdLoader, groupedLoader } from "../common/loaders";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { Official, OfficialRole } from "./entities/official";
import { Quote } from "./entities/quote";
import { Statement } from "./entities/statement";

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list-valued field and reference costs one query per batch. */
export function createLoaders(db: DataSource) {
  const byId = <T extends { id: string }>(entity: new () => T) => byIdLoader(db, entity);
  // Two queries per batch (pairs, then rows): a statement may concern several keys.
  const statementsByAttributionColumn = (column: "incident_id" | "actor_id") =>
    groupedLoader(
      async (ids) => {
        const pairs: { statement_id: string; key: string }[] = await db.query(
          `SELECT DISTINCT statement_id, ${column} AS key FROM governments.attribution
           WHERE ${column} = ANY($1)`,
          [ids],
        );
        const statements = await db.getRepository(Statement).find({
          where: { id: In([...new Set(pairs.map((p) => p.statement_id))]) },
          order: { issuedOn: "ASC", id: "ASC" },
        });
        return statements.flatMap((statement) =>
          pairs
            .filter((p) => p.statement_id === statement.id)
            .map((p) => ({ statement, key: p.key })),
        );
      },
      (row) => row.key,
    );

  return {
    governmentById: byId(Government),
    agencyById: byId(Agency),
    officialById: byId(Official),
    statementById: byId(Statement),
    attributionById: byId(Attribution),

    membersByUnion: groupedLoader(
      (ids) =>
        db
          .getRepository(Government)
          .createQueryBuilder("g")
          .where("g.member_of_ids && :ids", { ids })
          .orderBy("g.name")
          .getMany(),
      (government) => government.memberOfIds,
    ),
    agenciesByGovernment: groupedLoader(
      (ids) =>
        db.getRepository(Agency).find({
          where: { governmentId: In([...ids]) },
          order: { name: "ASC" },
        }),
      (agency) => agency.governmentId,
    ),
    rolesByOfficial: groupedLoader(
      (ids) =>
        db.getRepository(OfficialRole).find({
          where: { officialId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (role) => role.officialId,
    ),
    quotesByStatement: groupedLoader(
      (ids) =>
        db.getRepository(Quote).find({
          where: { statementId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (quote) => quote.statementId,
    ),
    statementsBySpeaker: groupedLoader(
      (ids) =>
        db.getRepository(Statement).find({
          where: { speakerId: In([...ids]) },
          order: { issuedOn: "ASC", id: "ASC" },
        }),
      (statement) => statement.speakerId,
    ),
    statementsByIssuer: groupedLoader(
      (ids) =>
        db
          .getRepository(Statement)
          .createQueryBuilder("s")
          .where("s.issuer_id = ANY(:ids) OR s.cosigner_ids && :ids", { ids })
          .orderBy("s.issued_on")
          .addOrderBy("s.id")
          .getMany(),
      (statement) => [statement.issuerId, ...statement.cosignerIds],
    ),
    statementsByIncident: statementsByAttributionColumn("incident_id"),
    statementsByActor: statementsByAttributionColumn("actor_id"),

    attributionsByStatement: groupedLoader(
      (ids) =>
        db.getRepository(Attribution).find({
          where: { statementId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (attribution) => attribution.statementId,
    ),
    attributionsByIncident: attributionsWhere(db, "a.incident_id = ANY(:ids)", (a) => a.incidentId),
    attributionsByActor: attributionsWhere(db, "a.actor_id = ANY(:ids)", (a) => a.actorId),
    attributionsReceived: attributionsWhere(db, "a.state_id = ANY(:ids)", (a) => a.stateId),
    attributionsMade: groupedLoader(
      async (ids) => {
        const statements = await db
          .getRepository(Statement)
          .createQueryBuilder("s")
          .where("s.issuer_id = ANY(:ids) OR s.cosigner_ids && :ids", { ids })
          .getMany();
        const madeBy = new Map(statements.map((s) => [s.id, [s.issuerId, ...s.cosignerIds]]));
        const attributions = await db
          .getRepository(Attribution)
          .createQueryBuilder("a")
          .innerJoin(Statement, "s", "s.id = a.statement_id")
          .where("a.statement_id = ANY(:statementIds)", {
            statementIds: [...madeBy.keys()],
          })
          .orderBy("s.issued_on")
          .addOrderBy("a.id")
          .getMany();
        return attributions.map((attribution) => ({
          attribution,
          governments: madeBy.get(attribution.statementId) ?? [],
        }));
      },
      (row) => row.governments,
    ),
  };
}

function attributionsWhere(
  db: DataSource,
  condition: string,
  keyOf: (attribution: Attribution) => string | null,
) {
  return groupedLoader(
    (ids) =>
      db
        .getRepository(Attribution)
        .createQueryBuilder("a")
        .innerJoin(Statement, "s", "s.id = a.statement_id")
        .where(condition, { ids })
        .orderBy("s.issued_on")
        .addOrderBy("a.id")
        .getMany(),
    keyOf,
  );
}
