import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { projectPath } from "../platform/paths";
import { readReadmeExamples } from "./readme-examples";

/** The example the landing page opens with: the seed's incident, from the README. */
const FIRST_DOCUMENT = "IncidentStory";

/**
 * `/` in a browser: Apollo Sandbox (from Apollo's CDN) with the README's IncidentStory in the
 * editor, under a bar linking the bundled GraphiQL and app; when Sandbox cannot load (offline),
 * those links at once instead of Apollo's apology. Nothing at all without introspection.
 */
export function landingPagePlugin(
  introspection: boolean,
  readmePath = projectPath("README.md"),
): ApolloServerPlugin {
  if (!introspection) return ApolloServerPluginLandingPageDisabled();
  const document = readReadmeExamples(readmePath).find((e) => e.name === FIRST_DOCUMENT)?.text;
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    ...(document ? { document } : {}),
    // Sandbox's own usage reports: opt in, not out (as APOLLO_TELEMETRY_DISABLED for the gateway).
    embed: { runTelemetry: false, endpointIsEditable: false },
  });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      const render = listener?.renderLandingPage;
      if (!render) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await render();
          return {
            html: async () =>
              withLocalExplorer(typeof page.html === "string" ? page.html : await page.html()),
          };
        },
      };
    },
  };
}

/** Apollo's page with the local links added, under its nonce (its CSP allows nothing else). */
export function withLocalExplorer(html: string): string {
  const nonce = /nonce="?([\w+/=-]+)"?/.exec(html)?.[1] ?? "";
  const block = /* HTML */ `
    <style nonce="${nonce}">
      #local-explorer {
        position: fixed;
        inset: 0 0 auto 0;
        z-index: 2;
        height: 2.25rem;
        margin: 0;
        padding: 0.45rem 1rem;
        font:
          15px/1.4 system-ui,
          sans-serif;
        background: #1d3557;
        color: #f1faee;
        overflow: hidden;
      }
      #local-explorer a {
        color: #fff;
        font-weight: 600;
      }
      #local-explorer p {
        margin: 0;
      }
      #local-explorer .offline {
        display: none;
      }
      #local-explorer .offline p {
        margin: 0.75rem 0;
      }
      #local-explorer.sandbox-unavailable {
        height: auto;
        bottom: 0;
        padding: 2rem;
        font-size: 18px;
      }
      #local-explorer.sandbox-unavailable .offline {
        display: block;
      }
      #local-explorer.sandbox-unavailable .online {
        display: none;
      }
      #embeddableSandbox {
        top: 2.25rem !important;
        height: calc(100vh - 2.25rem) !important;
      }
    </style>
    <div id="local-explorer" role="region" aria-label="Local explorer">
      <p class="online">
        Apollo Sandbox comes from Apollo's servers; without internet, use the bundled
        <a href="/graphiql">GraphiQL</a> or <a href="/app/">the app</a>.
      </p>
      <div class="offline">
        <h1>attribution-graph</h1>
        <p>Apollo Sandbox could not be loaded from Apollo's servers (are you offline?).</p>
        <p>These are served by this gateway and work offline:</p>
        <ul>
          <li><a href="/graphiql">GraphiQL</a>, with the README's example queries</li>
          <li>
            <a href="/app/">The reference app</a>: incidents, actors, governments, legal actions
          </li>
        </ul>
      </div>
    </div>
    <script nonce="${nonce}">
      if (!window.EmbeddedSandbox) {
        document.getElementById("local-explorer").classList.add("sandbox-unavailable");
        document.querySelectorAll(".fallback").forEach(function (el) {
          el.remove();
        });
      }
    </script>
  `;
  return html.includes("</body>") ? html.replace("</body>", `${block}</body>`) : html + block;
}
