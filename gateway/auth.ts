import type { IncomingMessage } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { forbidden, unauthenticated } from "../platform/errors";
import type { Identity } from "../platform/identity";
import type { KeyStore } from "./access/keys";

export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** Records the operation's writes name that no source holds: signed with each write. */
  unresolved?: string[];
}

export interface AuthConfig {
  keys: KeyStore;
  /** Whether a request without a token may read (as `reader`). */
  anonymousReads: boolean;
}

const refused = (message: string) => unauthenticated(message, 401);

/** Resolves the caller from `Authorization: Bearer <token>`; a bad token is refused outright. */
export async function authenticate(req: IncomingMessage, config: AuthConfig): Promise<Identity> {
  const header = req.headers.authorization;
  if (!header) {
    if (config.anonymousReads) return { keyId: null, role: "reader" };
    throw refused("an API key is required: send Authorization: Bearer <token>");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw refused("Authorization must read: Bearer <token>");
  const key = await config.keys.verify(match[1]);
  if (!key) throw refused("the API key is unknown or revoked");
  return { keyId: key.id, role: key.role };
}

/**
 * Writes need an editor or admin key, still active in the key store at the time of the write
 * (not as the verified-key cache remembers it); the subgraphs check the role again.
 */
export function writeAccessPlugin(keys: KeyStore): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== "mutation") return;
          const { identity } = contextValue;
          if (identity.keyId === null) {
            throw refused("mutations need an API key: send Authorization: Bearer <token>");
          }
          if (identity.role === "reader") {
            throw forbidden(
              `writing needs an editor or admin key; this key's role is "reader"`,
              403,
            );
          }
          if (!(await keys.isActive(identity.keyId))) {
            throw refused("the API key is unknown or revoked");
          }
        },
      };
    },
  };
}
