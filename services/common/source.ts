import { Directive, Field, ObjectType } from "type-graphql";
import { PartialDate, parsePartialDate, toPartialDate } from "./partial-date";

/** A source as stored (jsonb) and exchanged in bundles. */
export interface SourceRecord {
  id: string;
  url: string | null;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  excerpt: string | null;
}

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "Where a record comes from: a press release, a court filing, an article.",
})
export class Source {
  @Field(() => String, {
    description: "Stable key of the source within the dataset.",
  })
  id: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  publisher: string | null;

  @Field(() => String, { nullable: true, description: "BCP 47 language tag." })
  language: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A verbatim excerpt supporting the record.",
  })
  excerpt: string | null;

  record: SourceRecord;

  @Field(() => PartialDate, { nullable: true })
  get publishedAt(): PartialDate | null {
    if (!this.record.publishedAt) return null;
    const { on, precision } = parsePartialDate(this.record.publishedAt, "publishedAt");
    return toPartialDate(on, precision);
  }
}

export function toSources(records: SourceRecord[] | null | undefined): Source[] {
  return (records ?? []).map((record) =>
    Object.assign(new Source(), {
      id: record.id,
      url: record.url ?? null,
      title: record.title ?? null,
      publisher: record.publisher ?? null,
      language: record.language ?? null,
      excerpt: record.excerpt ?? null,
      record,
    }),
  );
}
