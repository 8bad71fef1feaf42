import "graphiql/setup-workers/vite";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readmeExamples } from "virtual:readme-examples";
import { fetchFromGateway } from "./fetcher";
import { exampleTabs } from "./example-tabs";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./page.css";

const explorer = explorerPlugin();

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetchFromGateway("/graphql")}
      plugins={[explorer]}
      defaultTabs={exampleTabs(readmeExamples)}
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
