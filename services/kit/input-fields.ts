import { type ClassType, InputType } from "type-graphql";
import {
  DateField,
  EnumField,
  IdField,
  IdListField,
  IntField,
  LanguageField,
  NameField,
  NameListField,
  NestedField,
  NestedListField,
  TextField,
  TextListField,
  UrlField,
} from "./inputs";

// The decorators of inputs.ts with their usual options as arguments, limits first and the
// description last (as columns.ts does for entities): most input fields then fit on one line
// with their property. `Optional.Text(...)` is the nullable twin of `Text(...)`.

type Pattern = { regex: RegExp; rule: string };

const fields = (nullable: boolean) => ({
  /** A reference to a record, or its id: a slug. */
  Id: (description: string) => IdField({ nullable, description }),
  /** A name, title or alias: plain text only (see NameField). */
  Name: (maxLength: number, description: string) => NameField({ nullable, description, maxLength }),
  /** Text as its source words it, matching `pattern` if given. */
  Text: (maxLength: number, description: string, pattern?: Pattern) =>
    TextField({ nullable, description, maxLength, pattern }),
  Language: (description: string) => LanguageField({ nullable, description }),
  Url: (description: string) => UrlField({ nullable, description }),
  PartialDate: (description: string) => DateField({ nullable, description }),
  // Enums and nested inputs are given as such, not as thunks: TypeScript wants a class declared
  // before the input that names it, so there is no cycle to defer.
  Enum: (type: object, description: string) => EnumField(() => type, { nullable, description }),
  Int: (min: number, max: number, description: string) =>
    IntField({ nullable, description, min, max }),
  Nested: (type: ClassType, description: string) =>
    NestedField(() => type, { nullable, description }),
  NestedList: (type: ClassType, maxItems: number, description: string) =>
    NestedListField(() => type, { nullable, description, maxItems }),
  /** Lists without duplicates: of references, of names, of text. */
  IdList: (maxItems: number, description: string) =>
    IdListField({ nullable, description, maxItems }),
  NameList: (maxItems: number, maxLength: number, description: string) =>
    NameListField({ nullable, description, maxItems, maxLength }),
  TextList: (maxItems: number, maxLength: number, description: string, pattern?: Pattern) =>
    TextListField({ nullable, description, maxItems, maxLength, pattern }),
});

export const { Id, Name, Text, Language, PartialDate, Enum, NestedList } = fields(false);

/** The same decorators for a field that may be null or left out. */
export const Optional = fields(true);

/** An input type and its description, which is all the inputs here give it. */
export const Input = (description: string) => InputType({ description });
