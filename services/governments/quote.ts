import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { TextColumn } from "../kit/columns";
import type { SourceRecord } from "../../platform/bundle";
import { Source, toSources } from "../kit/source";

export interface TranslationRecord {
  language: string;
  text: string;
  source: SourceRecord | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A quote rendered in another language, e.g. by a news article.",
})
export class Translation {
  @Field(() => String, { description: "BCP 47 language of the translation." }) language: string;

  @Field(() => String, { description: "The translated words." }) text: string;

  @Field(() => Source, { nullable: true, description: "Who translated it, e.g. a news article." })
  source: Source | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "Words quoted verbatim from a statement, in their own language.",
})
@Entity({ schema: "governments", name: "quote" })
export class Quote {
  @PrimaryGeneratedColumn("identity")
  key: number;

  @Column("text")
  statementId: string;

  @Column("int")
  position: number;

  @TextColumn("The words, verbatim.") text: string;

  @TextColumn("BCP 47 language of `text`.") language: string;

  @Column("text", { nullable: true })
  speakerId: string | null;

  @Column("jsonb", { default: () => "'[]'" })
  translations: TranslationRecord[];

  /** Not simple: the schema name differs from the getter that maps stored records. */
  translationList(): Translation[] {
    return this.translations.map((t) =>
      Object.assign(new Translation(), {
        language: t.language,
        text: t.text,
        source: t.source ? toSources([t.source])[0] : null,
      }),
    );
  }
}
