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

registerEnumType(LegalActionKind, { name: "LegalActionKind" });
registerEnumType(LegalActionStatus, {
  name: "LegalActionStatus",
  description: "PENDING to DISMISSED for prosecutions; IN_FORCE and LIFTED for sanctions.",
});
registerEnumType(DefendantKind, { name: "DefendantKind" });
registerEnumType(DefendantStatus, {
  name: "DefendantStatus",
  description: "Where the defendant stands, as last reported by the sources.",
});
