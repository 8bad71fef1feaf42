import { type ClassType, Directive, Field, ID, ObjectType } from "type-graphql";
import { WriteAction } from "./audit";
import { ProblemType, ProblemsField } from "./problems";

/**
 * `Upsert<Type>Payload { <field>: <Type>, action, changed, problems }`: the written record, for
 * caches, or every problem of the input with the record and action null.
 */
export function upsertPayload<T extends object>(type: ClassType<T>, name: string, field: string) {
  @ObjectType(`Upsert${name}Payload`, {
    simpleResolvers: true,
    description: `What \`upsert${name}\` did, with the ${name} as stored, or why it did nothing.`,
  })
  class Payload {
    record: T | null;

    @Field(() => WriteAction, {
      nullable: true,
      description: "CREATED, UPDATED or UNCHANGED; null when the input has problems.",
    })
    action: WriteAction | null;

    @Field(() => Boolean, { description: "False when the record already was exactly this." })
    changed: boolean;

    @ProblemsField("Everything wrong with the input, all at once; empty when it was written.")
    problems: ProblemType[];

    @ProblemsField(
      "What was written but does not resolve yet: references to records of another source that the graph does not hold (UNRESOLVED_REFERENCE).",
    )
    warnings: ProblemType[];
  }
  Object.defineProperty(Payload.prototype, field, {
    get(this: Payload) {
      return this.record;
    },
  });
  Field(() => type, {
    nullable: true,
    description: `The ${name} as stored after the write; null when the input has problems.`,
  })(Payload.prototype, field);
  return Payload;
}

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "What a `delete<Type>` mutation did. Evict `id` (or `globalId`) from client caches.",
})
export class DeletePayload {
  @Field(() => ID, { description: "Slug of the deleted record." })
  id: string;

  @Field(() => ID, { description: "Global id of the deleted record (`Node.globalId`)." })
  globalId: string;

  @Field(() => WriteAction, {
    nullable: true,
    description: "DELETED, or UNCHANGED when no such record existed; null with problems.",
  })
  action: WriteAction | null;

  @ProblemsField("Why nothing was deleted (a bad id, a record still referenced); else empty.")
  problems: ProblemType[];
}
