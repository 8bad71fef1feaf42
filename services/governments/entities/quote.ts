import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

export interface TranslationRecord {
  language: string;
  text: string;
  source: string | null;
}

@ObjectType({
  description: "A quote rendered in another language, e.g. by a news article.",
})
export class Translation {
  @Field(() => String)
  language: string;

  @Field(() => String)
  text: string;

  @Field(() => String, {
    nullable: true,
    description: "Key of the source of the translation.",
  })
  sourceId: string | null;
}

@ObjectType({
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

  @Field(() => String)
  @Column("text")
  text: string;

  @Field(() => String, { description: "BCP 47 language of `text`." })
  @Column("text")
  language: string;

  @Column("text", { nullable: true })
  speakerId: string | null;

  @Column("jsonb", { default: () => "'[]'" })
  translations: TranslationRecord[];

  @Field(() => [Translation], { name: "translations" })
  get translationList(): Translation[] {
    return this.translations.map((t) =>
      Object.assign(new Translation(), {
        language: t.language,
        text: t.text,
        sourceId: t.source,
      }),
    );
  }
}
