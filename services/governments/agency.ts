import { connectionType } from "../kit/connection";
import { Column } from "typeorm";
import { EnumColumn, IdColumn, OptionalTextColumn, TextColumn } from "../kit/columns";
import { GlobalIdField, Node, NodeEntity, globalId } from "../kit/node";
import { RecordEntity } from "../kit/record-time";
import type { SourceRecord } from "../../platform/bundle";
import { type Source, SourcesList, toSources } from "../kit/source";
import { AgencyKind } from "./enums";

@NodeEntity({
  schema: "governments",
  name: "agency",
  description: "A ministry, office or service of a government: US DOJ, China's MSS, EEAS.",
})
export class Agency extends RecordEntity implements Node {
  @IdColumn('Readable slug: "us-doj", "cn-mss".') id: string;

  @TextColumn('Official name: "Ministry of State Security".') name: string;

  @OptionalTextColumn('Usual acronym: "MSS", "DOJ".') acronym: string | null;

  @EnumColumn(AgencyKind, "What the agency does.") kind: AgencyKind;

  @Column("text")
  governmentId: string;

  @Column("text", { nullable: true })
  parentId: string | null;

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @GlobalIdField('Global id: "Agency:cn-mss".')
  get globalId(): string {
    return globalId("Agency", this.id);
  }

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}

export const AgencyConnection = connectionType(Agency, "Agency");
