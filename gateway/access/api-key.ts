import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import type { Role } from "../../platform/identity";

/** An API key; only a hash of its secret is stored, the token is shown once at creation. */
@Entity({ schema: "access", name: "api_key" })
export class ApiKey {
  @PrimaryColumn("text")
  id: string;

  @Column("text")
  name: string;

  @Column("text")
  role: Role;

  @Column("text")
  secretHash: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column("timestamptz", { nullable: true })
  revokedAt: Date | null;
}
