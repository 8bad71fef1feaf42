import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
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
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  personId: string;

  @Column("int")
  position: number;

  @Field(() => String, { description: 'The spelling: "Anatoliy Sergeyevich Kovalev", "张士龙".' })
  @Column("text")
  name: string;

  @Field(() => PersonNameKind, { description: "What this spelling is." })
  @Column("text")
  kind: PersonNameKind;

  @Field(() => String, {
    nullable: true,
    description: 'Language of the spelling (BCP 47), where known: "en", "zh", "ru".',
  })
  @Column("text", { nullable: true })
  language: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its script (ISO 15924), where known: "Latn", "Hans", "Cyrl".',
  })
  @Column("text", { nullable: true })
  script: string | null;

  @Directive(listSize(MAX_USED_BY))
  @Field(() => [String], {
    description:
      'Who wrote the name this way, as the sources show: "U.S. Department of Justice", "Council of the EU".',
  })
  @Column("text", { array: true, default: () => "'{}'" })
  usedBy: string[];

  @Column("jsonb", { name: "sources" })
  sourceRecords: SourceRecord[];

  @SourcesList()
  get sources(): Source[] {
    return toSources(this.sourceRecords);
  }
}
