import { Link } from "react-router-dom";
import { paths } from "../lib/paths";

interface Named {
  id: string;
  name: string;
}

/** A defendant's name, linking to the person's page when the graph knows the person. */
export function DefendantName({ name, person }: { name: string; person?: { id: string } | null }) {
  return person ? <Link to={paths.person(person.id)}>{name}</Link> : <>{name}</>;
}

/** " · Chengdu 404 · APT41": whom the defendant worked for and the actor they are tied to. */
export function DefendantTies({
  employer,
  affiliatedActor,
}: {
  employer?: string | null;
  affiliatedActor?: Named | null;
}) {
  return (
    <>
      {employer && <> · {employer}</>}
      {affiliatedActor && (
        <>
          {" · "}
          <Link to={paths.threatActor(affiliatedActor.id)}>{affiliatedActor.name}</Link>
        </>
      )}
    </>
  );
}
