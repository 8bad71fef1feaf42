import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import {
  LISTING,
  PERSON_SOURCES,
  SEREBRIAKOV,
  indictment,
  personBaseBundle,
} from "../../helpers/person-writes";

const UPSERT_PERSON = /* GraphQL */ `
  mutation UpsertPerson($input: PersonInput!, $sources: [SourceInput!]) {
    upsertPerson(input: $input, sources: $sources) {
      action
      person {
        id
        name
      }
      problems {
        path
        message
      }
    }
  }
`;
const UPSERT_LEGAL_ACTION = /* GraphQL */ `
  mutation UpsertLegalAction($input: LegalActionInput!, $sources: [SourceInput!]) {
    upsertLegalAction(input: $input, sources: $sources) {
      action
      problems {
        path
        message
      }
    }
  }
`;
const EVERYTHING_AGAINST = /* GraphQL */ `
  query EverythingAgainst($name: String!) {
    persons(filter: { name: $name }) {
      totalCount
      nodes {
        id
        name
        names {
          name
          kind
          usedBy
        }
        nationality {
          id
          name
        }
        affiliations {
          actor {
            id
            name
          }
          agency {
            id
          }
          role
          from {
            value
          }
        }
        roles {
          nodes {
            name
            role
            status
            charges {
              description
            }
            measures
            legalAction {
              id
              kind
            }
          }
        }
        legalActions {
          totalCount
        }
      }
    }
  }
`;

type Problem = { path: string[]; message: string };
/** The problems of the one mutation a write document holds, as "path: message". */
const problemsOf = (result: { data?: Record<string, { problems?: Problem[] } | null> }) =>
  (Object.values(result.data ?? {})[0]?.problems ?? []).map(
    (p) => `${p.path.join(".")}: ${p.message}`,
  );

// The question the Person model exists for, "everything against this person", asked of a person
// written through the gateway: one officer indicted under one spelling and sanctioned under
// another, found by either spelling without its accents; and the writes that must be refused.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
/** A write with the sources its input cites (a source sent for nothing is a problem). */
const write = (mutation: string, input: object) => {
  const sources = PERSON_SOURCES.filter((s) => JSON.stringify(input).includes(`"${s.key}"`));
  return federation.query<any>(mutation, { input, sources }, { token: editor });
};

beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "persons");
  await prepareDatabase(databaseUrl, [personBaseBundle()]);
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

describe("services > persons > everything against this person", () => {
  it("writes a person, an indictment and a sanction naming them, idempotently", async () => {
    const created = await write(UPSERT_PERSON, SEREBRIAKOV);
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertPerson).toEqual({
      action: "CREATED",
      person: { id: "evgeni-serebriakov", name: "Évgueni Mikhaïlovitch Sérébriakov" },
      problems: [],
    });
    expect((await write(UPSERT_PERSON, SEREBRIAKOV)).data.upsertPerson.action).toBe("UNCHANGED");
    for (const action of [indictment("evgeni-serebriakov"), LISTING]) {
      const written = await write(UPSERT_LEGAL_ACTION, action);
      expect(written.errors).toBeUndefined();
      expect(written.data.upsertLegalAction.action).toBe("CREATED");
    }
    const read = await federation.query<any>(
      `{ person(id: "evgeni-serebriakov") { bundleRecord } }`,
    );
    expect(read.data.person.bundleRecord.record).toEqual(SEREBRIAKOV);
  });

  it.each(["evgueni serebriakov", "SERÉBRIAKOV Évgueni", "Evgeniy Serebriakov", "yevgenii"])(
    'finds them by "%s" with both actions and their role in each',
    async (name) => {
      const { data, errors } = await federation.query<any>(EVERYTHING_AGAINST, { name });
      expect(errors).toBeUndefined();
      expect(data.persons.totalCount).toBe(1);
      const person = data.persons.nodes[0];
      expect(person).toMatchObject({
        id: "evgeni-serebriakov",
        nationality: { id: "ru", name: "Russian Federation" },
        affiliations: [
          {
            actor: { id: "apt28", name: "APT28" },
            agency: { id: "ru-gru" },
            role: "officer",
            from: { value: "2014" },
          },
        ],
        legalActions: { totalCount: 2 },
      });
      expect(person.names.map((n: any) => n.name)).toEqual([
        "Évgueni Mikhaïlovitch Sérébriakov",
        "Yevgeny Serebryakov",
      ]);
      expect(person.roles.nodes).toEqual([
        {
          name: "Yevgeny Serebryakov",
          role: "DEFENDANT",
          status: "AT_LARGE",
          charges: [{ description: "Conspiracy to commit computer fraud" }],
          measures: [],
          legalAction: { id: "us-v-test-officers-2018", kind: "INDICTMENT" },
        },
        {
          name: "Évgueni Sérébriakov",
          role: "LISTED",
          status: "SANCTIONED",
          charges: [],
          measures: ["travel ban", "asset freeze"],
          legalAction: { id: "eu-test-listing-2020", kind: "SANCTION" },
        },
      ]);
    },
  );

  it("answers the person by global id, by affiliated actor and agency, and as the actor's member", async () => {
    const { data, errors } = await federation.query<any>(/* GraphQL */ `
      {
        node(id: "Person:evgeni-serebriakov") {
          ... on Person {
            id
          }
        }
        byActor: persons(filter: { affiliatedActor: ["apt28"], nationality: ["ru"] }) {
          totalCount
        }
        byAgency: persons(filter: { agency: "ru-gru" }) {
          totalCount
        }
        nobody: persons(filter: { name: "Kovalev" }) {
          totalCount
        }
        threatActor(id: "apt28") {
          persons {
            nodes {
              id
            }
          }
        }
        legalAction(id: "eu-test-listing-2020") {
          defendants {
            person {
              id
            }
          }
          persons {
            totalCount
            nodes {
              id
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      node: { id: "evgeni-serebriakov" },
      byActor: { totalCount: 1 },
      byAgency: { totalCount: 1 },
      nobody: { totalCount: 0 },
      threatActor: { persons: { nodes: [{ id: "evgeni-serebriakov" }] } },
      legalAction: {
        defendants: [{ person: { id: "evgeni-serebriakov" } }, { person: null }],
        persons: { totalCount: 1, nodes: [{ id: "evgeni-serebriakov" }] },
      },
    });
  });
});

describe("services > persons > refused writes", () => {
  it("refuses a defendant naming a person that does not exist, writing nothing", async () => {
    const result = await write(
      UPSERT_LEGAL_ACTION,
      indictment("no-such-person", { id: "us-v-nobody-2018" }),
    );
    expect(result.errors).toBeUndefined();
    expect(problemsOf(result)).toEqual([
      'input.defendants.0.person: Person "no-such-person" does not exist',
    ]);
    const read = await federation.query<any>(
      `{ legalActions(filter: { ids: ["us-v-nobody-2018"] }) { totalCount } }`,
    );
    expect(read.data.legalActions.totalCount).toBe(0);
  });

  it("reports every problem of a person and of its defendants at once", async () => {
    const person = await write(UPSERT_PERSON, {
      ...SEREBRIAKOV,
      id: "two-primaries",
      names: [SEREBRIAKOV.names[0], { ...SEREBRIAKOV.names[1], kind: "PRIMARY" }],
      affiliations: [{ role: "officer", from: "2020", to: "2019" }],
    });
    expect(problemsOf(person)).toEqual([
      "input.affiliations.0: must set at least one of actor, agency, employer",
      "input.names: needs exactly one PRIMARY name, has 2",
      'input.affiliations.0.to: "2019" is before "2020"',
    ]);
    const action = await write(
      UPSERT_LEGAL_ACTION,
      indictment(null, {
        defendants: [
          { name: "Someone", kind: "PERSON", status: "AT_LARGE" },
          {
            name: "A Unit",
            kind: "ORGANIZATION",
            person: "evgeni-serebriakov",
            status: "AT_LARGE",
          },
        ],
      }),
    );
    expect(problemsOf(action)).toEqual([
      "input.defendants.0.person: a PERSON names their Person record (write it first with upsertPerson)",
      "input.defendants.1.person: an ORGANIZATION is not a person",
    ]);
  });

  it("deletes a person only once no legal action names them", async () => {
    const remove = () =>
      federation.query<any>(
        `mutation { deletePerson(id: "evgeni-serebriakov") { action problems { path code } } }`,
        {},
        { token: editor },
      );
    const refused = await remove();
    expect(refused.data.deletePerson).toEqual({
      action: null,
      problems: [{ path: ["id"], code: "REFERENCED" }],
    });
    for (const id of ["us-v-test-officers-2018", "eu-test-listing-2020"]) {
      const deleted = await federation.query<any>(
        `mutation($id: ID!) { deleteLegalAction(id: $id) { action } }`,
        { id },
        { token: editor },
      );
      expect(deleted.data.deleteLegalAction.action).toBe("DELETED");
    }
    expect((await remove()).data.deletePerson.action).toBe("DELETED");
    const history = await federation.query<any>(
      `{ persons(filter: { ids: ["evgeni-serebriakov"] }) { totalCount } }`,
    );
    expect(history.data.persons.totalCount).toBe(0);
  });
});
