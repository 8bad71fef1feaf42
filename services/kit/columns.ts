import { Field, type FieldOptions, ID, Int } from "type-graphql";
import { Column, PrimaryColumn } from "typeorm";

// Most entity fields are a GraphQL field over a column of the same name: one `...Column`
// decorator per pair states both types once, instead of the same three lines in every entity.

function columnField(
  column: PropertyDecorator,
  type: Parameters<typeof Field>[0],
  options: FieldOptions,
): PropertyDecorator {
  return (target, key) => {
    column(target, key);
    Field(type, options)(target, key);
  };
}

/** `ID!` over the text primary key: the record's readable slug. */
export const IdColumn = (description: string) =>
  columnField(PrimaryColumn("text"), () => ID, { description });

/** `String!` over a text column. */
export const TextColumn = (description: string) =>
  columnField(Column("text"), () => String, { description });

/** `String` over a nullable text column. */
export const OptionalTextColumn = (description: string) =>
  columnField(Column("text", { nullable: true }), () => String, { nullable: true, description });

/** `[String!]!` over a text array column, empty by default. */
export const TextArrayColumn = (description: string) =>
  columnField(Column("text", { array: true, default: () => "'{}'" }), () => [String], {
    description,
  });

/** A GraphQL enum over a text column holding its values. */
export const EnumColumn = (type: object, description: string) =>
  columnField(Column("text"), () => type, { description });

/** A nullable GraphQL enum over a nullable text column. */
export const OptionalEnumColumn = (type: object, description: string) =>
  columnField(Column("text", { nullable: true }), () => type, { nullable: true, description });

/** `Int` over a nullable int column. */
export const OptionalIntColumn = (description: string) =>
  columnField(Column("int", { nullable: true }), () => Int, { nullable: true, description });

/** `Int` over a nullable smallint column. */
export const OptionalSmallIntColumn = (description: string) =>
  columnField(Column("smallint", { nullable: true }), () => Int, { nullable: true, description });
