import type { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeys1764390000000 implements MigrationInterface {
  name = "ApiKeys1764390000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE access.api_key (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]{8,32}$'),
      name text NOT NULL CHECK (name <> '' AND length(name) <= 200),
      role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
      secret_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access.api_key`);
  }
}
