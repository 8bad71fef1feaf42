import { type EnumValue, describedEnum } from "../kit/enums";

export const LegalActionKind = describedEnum("LegalActionKind", "What the law did.", {
  INDICTMENT: "Charges brought by a grand jury or a prosecutor's indictment.",
  CRIMINAL_COMPLAINT: "Charges brought by a sworn criminal complaint.",
  SANCTION: "A sanctions listing: asset freezes, travel bans, export bans.",
  ARREST: "An arrest of a defendant.",
  EXTRADITION: "An extradition of a defendant to the prosecuting state.",
  CONVICTION: "A guilty verdict or plea.",
  SEIZURE: "A seizure of funds, domains or servers.",
});
export type LegalActionKind = EnumValue<typeof LegalActionKind>;

export const LegalActionStatus = describedEnum(
  "LegalActionStatus",
  "PENDING to DISMISSED for prosecutions; IN_FORCE and LIFTED for sanctions.",
  {
    PENDING: "Brought and awaiting trial: most indictments of defendants abroad.",
    ACTIVE: "Under way: the case is being tried or the measure carried out.",
    RESOLVED: "Concluded: by a verdict, a plea or a completed seizure.",
    DISMISSED: "Dropped by the prosecution or dismissed by the court.",
    IN_FORCE: "Sanctions that apply.",
    LIFTED: "Sanctions that no longer apply.",
  },
);
export type LegalActionStatus = EnumValue<typeof LegalActionStatus>;

export const DefendantKind = describedEnum(
  "DefendantKind",
  "Whether a defendant is a person or an organisation.",
  {
    PERSON: 'A natural person: "Ding Xiaoyang".',
    ORGANIZATION: 'A company, a military unit or another body: "ERA Technopolis".',
  },
);
export type DefendantKind = EnumValue<typeof DefendantKind>;

export const DefendantStatus = describedEnum(
  "DefendantStatus",
  "Where the defendant stands, as last reported by the sources.",
  {
    AT_LARGE: "Charged and not arrested.",
    ARRESTED: "Arrested, not yet in the custody of the prosecuting state.",
    IN_CUSTODY: "Held by the prosecuting state.",
    EXTRADITED: "Handed over to the prosecuting state.",
    CONVICTED: "Found or pleaded guilty.",
    ACQUITTED: "Found not guilty.",
    SANCTIONED: "Listed by a sanctions regime.",
    UNKNOWN: "Not stated by the sources.",
  },
);
export type DefendantStatus = EnumValue<typeof DefendantStatus>;

export const DefendantRole = describedEnum(
  "DefendantRole",
  "What a legal action does to the person or organisation it names: from the action's kind.",
  {
    DEFENDANT: "Charged, arrested, extradited, convicted, or the owner of what was seized.",
    LISTED: "Listed by a sanction (the measures are the action's `sanctions.measures`).",
  },
);
export type DefendantRole = EnumValue<typeof DefendantRole>;

export const PersonNameKind = describedEnum(
  "PersonNameKind",
  "What a spelling of a person's name is.",
  {
    PRIMARY: 'The name the record goes by, one per person: "Anatoliy Sergeyevich Kovalev".',
    SHORT: 'The same name without middle name or patronymic: "Anatoliy Kovalev".',
    TRANSLITERATION:
      'Another romanisation of the same name: "Anatoly Kovalev", "Anatoly Kovalyov".',
    NATIVE_SCRIPT: 'The name in its own script: "张士龙", "Анатолий Ковалев".',
    ALIAS: 'Another name the person used or is known by, an online handle: "Baobeilong".',
  },
);
export type PersonNameKind = EnumValue<typeof PersonNameKind>;
