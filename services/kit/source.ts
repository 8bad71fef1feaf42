import { Directive, Field, InputType, ObjectType } from "type-graphql";
import { listSize } from "./connection";
import {
  DateField,
  IdField,
  LanguageField,
  MAX_SOURCES,
  NameField,
  TextField,
  UrlField,
} from "./inputs";
import { parsePartialDate, toPartialDate } from "../../platform/partial-date";
import type { SourceRecord } from "../../platform/bundle";
import { DateWithPrecision } from "./date-with-precision";

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "Where a record comes from: a press release, a court filing, an article.",
})
export class Source {
  @Field(() => String, {
    description: "Stable key of the source within the dataset, as records cite it.",
  })
  id: string;

  @Field(() => String, { nullable: true, description: "Where the source is published." })
  url: string | null;

  @Field(() => String, { nullable: true, description: "Title of the document or article." })
  title: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who published it: "US Department of Justice", "Le Monde".',
  })
  publisher: string | null;

  @Field(() => String, { nullable: true, description: "BCP 47 language tag." })
  language: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A verbatim excerpt supporting the record.",
  })
  excerpt: string | null;

  record: SourceRecord;

  @Field(() => DateWithPrecision, { nullable: true, description: "When it was published." })
  get publishedAt(): DateWithPrecision | null {
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

/** A record's `sources` field: the documented maximum every write enforces. */
export function SourcesList(): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Directive(listSize(MAX_SOURCES))(target, key, descriptor as never);
    Field(() => [Source], { description: "Where the record comes from, each source as cited." })(
      target,
      key,
      descriptor as never,
    );
  };
}

@InputType({
  description:
    "A source cited by the record being written, under the key the record's `sources` lists (and translations' `source`) use.",
})
export class SourceInput {
  @IdField({ description: 'Key the record cites the source by: "doj-2021-07-19".' })
  key: string;

  @UrlField({ description: "Where the source is published.", nullable: true })
  url?: string | null;

  @NameField({ description: "Title of the document or article.", maxLength: 500, nullable: true })
  title?: string | null;

  @NameField({
    description: 'Who published it: "US Department of Justice", "Le Monde".',
    maxLength: 200,
    nullable: true,
  })
  publisher?: string | null;

  @DateField({ description: "When it was published.", nullable: true })
  publishedAt?: string | null;

  @LanguageField({ description: "Language of the source.", nullable: true })
  language?: string | null;

  @TextField({
    description: "A verbatim excerpt supporting the record.",
    maxLength: 5000,
    nullable: true,
  })
  excerpt?: string | null;
}
