import type { GraphQLResolveInfo } from "graphql";
import type { AuthCheckerFn } from "type-graphql";
import { forbidden, unauthenticated } from "../../platform/errors";
import type { Identity, Role } from "../../platform/identity";

/**
 * `@Authorized(EDITOR)`: an editor or admin key; a reader key is refused with FORBIDDEN, no key
 * with UNAUTHENTICATED.
 */
export const EDITOR = "editor";

/** The roles of keys each `@Authorized` role admits. */
const ADMITS: Record<string, readonly Role[]> = { [EDITOR]: ["editor", "admin"] };

/**
 * The one auth checker of every subgraph: the caller the gateway signed must be an editor or
 * admin. A request it did not sign never gets this far (identity.ts).
 */
export const authChecker: AuthCheckerFn<{ identity: Identity }> = ({ context, info }, roles) => {
  const { role, keyId } = context.identity;
  if (roles.every((required) => ADMITS[required]?.includes(role))) return true;
  // An anonymous caller reads as a reader, but the fix is to send a key, not to change its role.
  if (keyId === null) {
    throw unauthenticated(`${what(info)} needs an editor or admin key; no API key was sent`);
  }
  throw forbidden(`${what(info)} needs an editor or admin key; this key's role is "${role}"`);
};

/** "writing" for a mutation, "reading history" for a field. */
function what(info: GraphQLResolveInfo): string {
  return info.parentType.name === "Mutation" ? "writing" : `reading ${info.fieldName}`;
}
