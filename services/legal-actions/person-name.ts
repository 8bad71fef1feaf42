import { Directive, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EnumColumn, OptionalTextColumn, TextArrayColumn, TextColumn } from "../kit/columns";
import type { SourceRecord } from "../../platform/bundle";
import { listSize } from "../kit/connection";
import { type Source, SourcesList, toSources } from "../kit/source";
import { PersonNameKind } from "./enums";
import { MAX_USED_BY } from "./person.inputs";

@ObjectType({
  simpleResolvers: true,
  description:
    "One spelling of a person's name: what it is, in which language or script, who wrote it so, and where.",
})
@Entity({ schema: "legal", name: "person_name" })
export class PersonName {
  @PrimaryGeneratedColumn("identity") key: number;

  @Column("text") personId: string;

  @Column("int") position: number;

  @TextColumn('The spelling: "Anatoliy Sergeyevich Kovalev", "张士龙".') name: string;

  @EnumColumn(PersonNameKind, "What this spelling is.") kind: PersonNameKind;

  @OptionalTextColumn('Language of the spelling (BCP 47), where known: "en", "zh", "ru".')
  language: string | null;

  @OptionalTextColumn('Its script (ISO 15924), where known: "Latn", "Hans", "Cyrl".') script:
    string | null;

  @Directive(listSize(MAX_USED_BY))
  @TextArrayColumn(
    'Who wrote the name this way, as the sources show: "U.S. Department of Justice", "Council of the EU".',
  )
  usedBy: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
