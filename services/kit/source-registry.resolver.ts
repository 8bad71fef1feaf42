import {
  Arg,
  Authorized,
  Ctx,
  Directive,
  Field,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import { GraphQLError } from "graphql";
import { sourceWith } from "../../platform/bundle";
import { MAX_SOURCE_CHECKS } from "../../platform/identity";
import { WriteAction } from "./audit";
import { EDITOR } from "./authorization";
import { ProblemType, ProblemsField, problemTypes } from "./problems";
import { Source, SourceInput, toSources } from "./source";
import { type SourceWriteResult, upsertSource, upsertSources } from "./source-write";
import { storedSources } from "./stored-sources";
import type { SubgraphContext } from "./subgraph";

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "What `upsertSource` did, with the source as stored, or why it did nothing.",
})
export class UpsertSourcePayload {
  @Field(() => WriteAction, {
    nullable: true,
    description: "CREATED, UPDATED or UNCHANGED; null when the input has problems.",
  })
  action: WriteAction | null;

  @Field(() => Boolean, { description: "False when the source already was exactly this." })
  changed: boolean;

  @Field(() => Source, {
    nullable: true,
    description: "The source as stored after the write; null when the input has problems.",
  })
  source: Source | null;

  @ProblemsField("Everything wrong with the input, all at once; empty when it was written.")
  problems: ProblemType[];
}

const payload = (key: string, result: SourceWriteResult) =>
  Object.assign(new UpsertSourcePayload(), {
    action: result.action,
    changed: result.changed,
    source: result.source && toSources([{ id: key, ...sourceWith(result.source) }])[0],
    problems: problemTypes(result.problems),
  });

/**
 * Sources as records: `source(id:)` and `upsertSource`, the same in every subgraph (shareable);
 * the gateway sends `upsertSource` to every subgraph, so a source is one record graph-wide.
 */
@Resolver()
export class SourceRegistryResolver {
  @Directive("@shareable")
  @Query(() => Source, {
    nullable: true,
    description: "A stored source by its key, as every record citing it answers it.",
  })
  async source(
    @Arg("id", () => String, { description: 'Its key: "doj-2021-07-19".' }) id: string,
    @Ctx() ctx: SubgraphContext<unknown>,
  ): Promise<Source | null> {
    const known = (await storedSources(ctx.db.manager, [id])).get(id) ?? [];
    // A key forked before sources were records has no one definition to answer.
    return known.length === 1 ? toSources([{ id, ...sourceWith(known[0]) }])[0] : null;
  }

  @Authorized(EDITOR)
  @Directive("@shareable")
  @Mutation(() => UpsertSourcePayload, {
    description:
      "Creates or changes a source, in every subgraph: records anywhere may then cite it by key alone.",
    // Nullable as every write: one mutation's failure leaves the others' answers.
    nullable: true,
  })
  async upsertSource(
    @Arg("input", () => SourceInput, { validate: false, description: "The source." })
    input: SourceInput,
    @Arg("updateSources", () => Boolean, {
      defaultValue: false,
      description:
        "Change a source stored with another definition, for every record citing it; without it that is a SOURCE_CONFLICT problem.",
    })
    updateSources: boolean,
    @Directive("@inaccessible")
    @Arg("dryRun", () => Boolean, {
      defaultValue: false,
      description: "Check and answer, writing nothing (the gateway's first round).",
    })
    dryRun: boolean,
    @Ctx() ctx: SubgraphContext<unknown>,
  ): Promise<UpsertSourcePayload> {
    return payload(input.key, await upsertSource(ctx, input, { updateSources, dryRun }));
  }

  @Authorized(EDITOR)
  @Directive("@shareable")
  @Directive("@inaccessible")
  @Mutation(() => [UpsertSourcePayload], {
    description:
      "`upsertSource` for each input, in one transaction (the gateway's checks and registrations of a write's sources in the other subgraphs).",
  })
  async upsertSources(
    @Arg("inputs", () => [SourceInput], {
      validate: false,
      description: "Distinct keys, at most 500.",
    })
    inputs: SourceInput[],
    @Arg("updateSources", () => Boolean, {
      defaultValue: false,
      description: "As `upsertSource`'s.",
    })
    updateSources: boolean,
    @Arg("dryRun", () => Boolean, { defaultValue: false, description: "As `upsertSource`'s." })
    dryRun: boolean,
    @Ctx() ctx: SubgraphContext<unknown>,
  ): Promise<UpsertSourcePayload[]> {
    if (inputs.length > MAX_SOURCE_CHECKS) {
      throw new GraphQLError(`inputs: at most ${MAX_SOURCE_CHECKS} sources, got ${inputs.length}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const results = await upsertSources(ctx, inputs, { updateSources, dryRun });
    return results.map((result, i) => payload(inputs[i].key, result));
  }
}
