import { enableCompileCache } from "node:module";
import { projectPath } from "./paths";

// Imported first by every entry point (services, gateway, commands): Node.js keeps the code it
// compiles on disk, so the next start of any process skips compiling the ~1,200 modules it loads
// (a third of a subgraph's start-up CPU, half of a benchmark command's). NODE_COMPILE_CACHE, when
// set, wins (Node.js enables it before this runs); NODE_DISABLE_COMPILE_CACHE=1 turns it off. A
// folder that cannot be written only means no cache.
enableCompileCache(projectPath(".data", "compile-cache"));
