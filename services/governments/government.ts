import { connectionType } from "../kit/connection";
import { Column } from "typeorm";
import { EnumColumn, IdColumn, OptionalTextColumn, TextColumn } from "../kit/columns";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { GovernmentKind } from "./enums";

@NodeEntity({
  schema: "governments",
  name: "government",
  description: "A state, a union of states (EU), an alliance (NATO) or an organisation.",
})
export class Government extends RecordEntity implements Node {
  @IdColumn('Readable slug: "us", "cn", "eu".') id: string;

  @TextColumn('Usual English name: "United States", "China".') name: string;

  @EnumColumn(GovernmentKind, "A state, a union, an alliance or an organisation.")
  kind: GovernmentKind;

  @OptionalTextColumn("ISO 3166-1 alpha-2 code, for states.") isoAlpha2: string | null;

  @OptionalTextColumn("ISO 3166-1 alpha-3 code, for states.") isoAlpha3: string | null;

  @Column("text", { array: true, default: () => "'{}'" })
  memberOfIds: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "Government:us".')
  get globalId(): string {
    return globalId("Government", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const GovernmentConnection = connectionType(Government, "Government");
