import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_LIMITS } from "../../gateway/limits";
import { subgraphConfigFromEnv } from "../../services/kit/config";
import { ConfigError } from "../../platform/env";
import { projectPath } from "../../platform/paths";
import { subgraphs } from "../../services";
import { redisUrlFromEnv } from "../../platform/config";

/** The secrets docker compose substitutes from the shell or .env, each required. */
const SECRETS = { IDENTITY_SECRET: "x".repeat(32), POSTGRES_PASSWORD: "s3cret-password" };

/** `${NAME:?message}` replaced as docker compose does, from `SECRETS`. */
function interpolate(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      value.replace(/\$\{(\w+):\?[^}]*\}/g, (_, variable: keyof typeof SECRETS) => {
        expect(SECRETS[variable], variable).toBeDefined();
        return SECRETS[variable];
      }),
    ]),
  );
}

// Docker has no engine on our machines: this checks docker-compose.yml against the code instead
// of running it (entry points exist, ports and variables are the ones the services read).
describe("deployment > docker-compose.yml", () => {
  const text = readFileSync(projectPath("docker-compose.yml"), "utf8");
  // `merge`: the subgraphs share their settings through a YAML anchor (`<<: *subgraph`).
  const compose = parse(text, { merge: true });
  const entry = (service: string) => compose.services[service].command.at(-1) as string;
  const sourceOf = (distPath: string) =>
    projectPath(distPath.replace(/^dist\//, "").replace(/\.js$/, ".ts"));
  const databaseServices = ["gateway", ...subgraphs.map((s) => s.definition.name)];

  it("runs postgres, redis, every subgraph and the gateway", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["gateway", "postgres", "redis", ...subgraphs.map((s) => s.definition.name)].sort(),
    );
  });

  it("gives the gateway and every subgraph the shared Redis, as the code reads it", () => {
    for (const name of ["gateway", ...subgraphs.map((s) => s.definition.name)]) {
      const environment = interpolate(compose.services[name].environment);
      expect(redisUrlFromEnv(environment), name).toBe("redis://redis:6379/0");
      expect(compose.services[name].depends_on.redis, name).toEqual({
        condition: "service_healthy",
      });
    }
  });

  it.each(subgraphs.map((s) => [s.definition.name, s.port] as const))(
    "starts subgraph %s from its real entry point, on its port, with valid variables",
    (name, port) => {
      const service = compose.services[name];
      expect(existsSync(sourceOf(entry(name))), entry(name)).toBe(true);
      const config = subgraphConfigFromEnv(interpolate(service.environment), 0);
      expect(config.port).toBe(port);
      expect(config.host).toBe("0.0.0.0");
      expect(config.database.url).toBe(
        `postgres://attribution:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/attribution_graph`,
      );
      expect(config.identitySecret).toBe(SECRETS.IDENTITY_SECRET);
    },
  );

  it("publishes only the gateway's port: subgraphs and PostgreSQL stay on the compose network", () => {
    for (const [name, service] of Object.entries<{ ports?: string[] }>(compose.services)) {
      expect(service.ports, name).toEqual(name === "gateway" ? ["4000:4000"] : undefined);
    }
  });

  it("takes PostgreSQL's password from the environment, with no default, everywhere", () => {
    const required = /^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/;
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(required);
    for (const name of databaseServices) {
      const url = new URL(interpolate(compose.services[name].environment).DATABASE_URL);
      expect(url.password, name).toBe(SECRETS.POSTGRES_PASSWORD);
      expect(url.username, name).toBe(compose.services.postgres.environment.POSTGRES_USER);
      expect(url.pathname, name).toBe(`/${compose.services.postgres.environment.POSTGRES_DB}`);
    }
    // No password written into the file, and no `${VAR:-default}` or `${VAR-default}` fallback.
    expect(text).not.toMatch(/\$\{\w+:?-/);
    expect(text).not.toMatch(/postgres:\/\/[^:]+:(?!\$\{)/);
  });

  it("gives the gateway and every subgraph the same identity secret variable", () => {
    for (const name of databaseServices) {
      expect(compose.services[name].environment.IDENTITY_SECRET).toMatch(/^\$\{IDENTITY_SECRET:\?/);
    }
    expect(compose.services.gateway.environment.DATABASE_URL).toContain("@postgres:5432/");
  });

  it("checks every service's readiness endpoint, on its own port", () => {
    for (const { definition, port } of [
      ...subgraphs,
      { definition: { name: "gateway" }, port: 4000 },
    ]) {
      const check = compose.services[definition.name].healthcheck.test.join(" ");
      expect(check).toContain(`http://127.0.0.1:${port}/health/ready`);
    }
    for (const name of subgraphs.map((s) => s.definition.name)) {
      expect(compose.services.gateway.depends_on[name]).toEqual({ condition: "service_healthy" });
    }
    expect(readFileSync(projectPath("platform", "health.ts"), "utf8")).toContain('"/health/ready"');
  });

  it("points the gateway at every subgraph by its compose name and port", () => {
    const gateway = compose.services.gateway;
    expect(existsSync(sourceOf(entry("gateway")))).toBe(true);
    for (const { definition, port } of subgraphs) {
      const variable = `${definition.name.replace("-", "_").toUpperCase()}_URL`;
      expect(gateway.environment[variable]).toBe(`http://${definition.name}:${port}/`);
      expect(readFileSync(projectPath("gateway", "config.ts"), "utf8")).toContain(`"${variable}"`);
    }
  });
});

describe("deployment > configuration from the environment", () => {
  const valid = { DATABASE_URL: "postgres://u@h:5432/db" };

  it.each([
    [{ ...valid, PORT: "http" }, /PORT must be an integer, got "http"/],
    [{ ...valid, PORT: "70000" }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: "mysql://u@h/db" }, /DATABASE_URL must use postgres: or postgresql:/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL must be a URL/],
    [{}, /DATABASE_URL is required/],
    [{ ...valid, DB_POOL_SIZE: "0" }, /DB_POOL_SIZE must be between 2 and 1000/],
    [{ ...valid, MIGRATE_ON_START: "maybe" }, /MIGRATE_ON_START must be true or false/],
    [{ ...valid, IDENTITY_SECRET: "short" }, /IDENTITY_SECRET must be at least 32 characters/],
    [valid, /IDENTITY_SECRET is required/],
    [{ ...valid, MAX_COST: "lots" }, /MAX_COST must be an integer, got "lots"/],
    [{ ...valid, MAX_DEPTH: "0" }, /MAX_DEPTH must be between 1/],
  ])("rejects %o with a message naming the variable", (env, message) => {
    expect(() => subgraphConfigFromEnv(env, 4001)).toThrow(ConfigError);
    expect(() => subgraphConfigFromEnv(env, 4001)).toThrow(message);
  });

  it("reads a subgraph's own limits under the gateway's names and defaults", () => {
    const env = { ...valid, IDENTITY_SECRET: SECRETS.IDENTITY_SECRET };
    expect(subgraphConfigFromEnv(env, 4001)).toMatchObject({
      maxCost: DEFAULT_LIMITS.maxCost,
      maxDepth: DEFAULT_LIMITS.maxDepth,
      production: false,
    });
    expect(
      subgraphConfigFromEnv(
        { ...env, MAX_COST: "5000", MAX_DEPTH: "6", NODE_ENV: "production" },
        0,
      ),
    ).toMatchObject({ maxCost: 5000, maxDepth: 6, production: true });
  });

  it("never prints a database password in an error", () => {
    expect(() => subgraphConfigFromEnv({ DATABASE_URL: "mysql://user:s3cret@h/db" }, 4001)).toThrow(
      /user:\*\*\*@/,
    );
  });
});

// The gateway's production process serves the supergraph: it must not load the subgraphs' code
// (it once did, through gateway/federation.ts, for one path constant).
describe("deployment > the gateway process", () => {
  it("imports no subgraph's code", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const [, target] of source.matchAll(/^import (?:type )?[^"']*["'](\.[^"']+)["']/gm)) {
        if (/^import type /m.test(source.split(target)[0].split("\n").at(-1) ?? "")) continue;
        visit(`${join(dirname(file), target)}.ts`);
      }
    };
    visit(projectPath("gateway", "main.ts"));
    const subgraphCode = [...seen].filter((file) =>
      /services\/(governments|incidents|legal-actions)\/|services\/index\.ts|services\/dataset\.ts/.test(
        file,
      ),
    );
    expect(subgraphCode).toEqual([]);
  });
});
