import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { LegalActionLineFields, LegalActionLink } from "../../components/legal-action-line";
import { getFragmentData, graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

const PersonRolesQuery = graphql(`
  query PersonRoles($id: ID!, $after: String) {
    person(id: $id) {
      id
      roles(first: 20, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        nodes {
          name
          role
          status
          employer
          charges {
            description
            statute
          }
          measures
          legalAction {
            jurisdiction {
              id
              name
            }
            ...LegalActionLineFields
          }
        }
      }
    }
  }
`);

/** Every legal action naming the person, oldest first: the role, charges or measures, status. */
export function PersonRoles({ personId }: { personId: string }) {
  const page = usePagedQuery(personId, PersonRolesQuery, { id: personId });
  const roles = page.data?.person?.roles;
  return (
    <ListSection
      id="person-roles"
      title="Legal actions"
      what="legal actions"
      count
      page={page}
      connection={roles}
    >
      <ul className="plain-list person-roles">
        {roles?.nodes.map(({ legalAction, ...role }) => {
          const action = getFragmentData(LegalActionLineFields, legalAction);
          return (
            <li key={action.id}>
              <h3>
                <LegalActionLink legalAction={legalAction} />
              </h3>
              <p className="meta">
                <span className="badge">{role.role === "LISTED" ? "listed" : "defendant"}</span>{" "}
                <span className="badge">{enumLabel(role.status)}</span> {enumLabel(action.kind)} ·{" "}
                <Link to={paths.government(legalAction.jurisdiction.id)}>
                  {legalAction.jurisdiction.name}
                </Link>{" "}
                · <PartialDateText date={action.announced} />
              </p>
              <p className="muted">
                Named as “{role.name}”{role.employer && <>, {role.employer}</>}
              </p>
              {role.charges.length > 0 && (
                <ul className="charges">
                  {role.charges.map((charge, index) => (
                    <li key={index}>
                      {charge.description}
                      {charge.statute && <span className="muted"> ({charge.statute})</span>}
                    </li>
                  ))}
                </ul>
              )}
              {role.measures.length > 0 && (
                <ul className="measures">
                  {role.measures.map((measure) => (
                    <li key={measure}>{measure}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </ListSection>
  );
}
