import { Link } from "react-router-dom";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import { paths } from "../lib/paths";

/** A legal action in a list: its title, kind and when it was announced. */
export const LegalActionLineFields = graphql(`
  fragment LegalActionLineFields on LegalAction {
    id
    title
    kind
    announced {
      value
      precision
    }
  }
`);

/** The legal action's title, linking to its page. */
export function LegalActionLink({
  legalAction,
}: {
  legalAction: FragmentType<typeof LegalActionLineFields>;
}) {
  const { id, title } = getFragmentData(LegalActionLineFields, legalAction);
  return <Link to={paths.legalAction(id)}>{title}</Link>;
}
