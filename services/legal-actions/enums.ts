import { registerEnumType } from "type-graphql";

export enum LegalActionKind {
  INDICTMENT = "INDICTMENT",
  CRIMINAL_COMPLAINT = "CRIMINAL_COMPLAINT",
  SANCTION = "SANCTION",
  ARREST = "ARREST",
  EXTRADITION = "EXTRADITION",
  CONVICTION = "CONVICTION",
  SEIZURE = "SEIZURE",
}

export enum LegalActionStatus {
  PENDING = "PENDING",
  ACTIVE = "ACTIVE",
  RESOLVED = "RESOLVED",
  DISMISSED = "DISMISSED",
  IN_FORCE = "IN_FORCE",
  LIFTED = "LIFTED",
}

export enum DefendantKind {
  PERSON = "PERSON",
  ORGANIZATION = "ORGANIZATION",
}

export enum DefendantStatus {
  AT_LARGE = "AT_LARGE",
  ARRESTED = "ARRESTED",
  IN_CUSTODY = "IN_CUSTODY",
  EXTRADITED = "EXTRADITED",
  CONVICTED = "CONVICTED",
  ACQUITTED = "ACQUITTED",
  SANCTIONED = "SANCTIONED",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(LegalActionKind, {
  name: "LegalActionKind",
  description: "What the law did.",
  valuesConfig: {
    INDICTMENT: { description: "Charges brought by a grand jury or a prosecutor's indictment." },
    CRIMINAL_COMPLAINT: { description: "Charges brought by a sworn criminal complaint." },
    SANCTION: { description: "A sanctions listing: asset freezes, travel bans, export bans." },
    ARREST: { description: "An arrest of a defendant." },
    EXTRADITION: { description: "An extradition of a defendant to the prosecuting state." },
    CONVICTION: { description: "A guilty verdict or plea." },
    SEIZURE: { description: "A seizure of funds, domains or servers." },
  },
});

registerEnumType(LegalActionStatus, {
  name: "LegalActionStatus",
  description: "PENDING to DISMISSED for prosecutions; IN_FORCE and LIFTED for sanctions.",
  valuesConfig: {
    PENDING: { description: "Brought and awaiting trial: most indictments of defendants abroad." },
    ACTIVE: { description: "Under way: the case is being tried or the measure carried out." },
    RESOLVED: { description: "Concluded: by a verdict, a plea or a completed seizure." },
    DISMISSED: { description: "Dropped by the prosecution or dismissed by the court." },
    IN_FORCE: { description: "Sanctions that apply." },
    LIFTED: { description: "Sanctions that no longer apply." },
  },
});

registerEnumType(DefendantKind, {
  name: "DefendantKind",
  description: "Whether a defendant is a person or an organisation.",
  valuesConfig: {
    PERSON: { description: 'A natural person: "Ding Xiaoyang".' },
    ORGANIZATION: { description: 'A company, a military unit or another body: "ERA Technopolis".' },
  },
});

registerEnumType(DefendantStatus, {
  name: "DefendantStatus",
  description: "Where the defendant stands, as last reported by the sources.",
  valuesConfig: {
    AT_LARGE: { description: "Charged and not arrested." },
    ARRESTED: { description: "Arrested, not yet in the custody of the prosecuting state." },
    IN_CUSTODY: { description: "Held by the prosecuting state." },
    EXTRADITED: { description: "Handed over to the prosecuting state." },
    CONVICTED: { description: "Found or pleaded guilty." },
    ACQUITTED: { description: "Found not guilty." },
    SANCTIONED: { description: "Listed by a sanctions regime." },
    UNKNOWN: { description: "Not stated by the sources." },
  },
});
