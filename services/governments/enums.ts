import { registerEnumType } from "type-graphql";

export enum GovernmentKind {
  STATE = "STATE",
  SUPRANATIONAL_UNION = "SUPRANATIONAL_UNION",
  ALLIANCE = "ALLIANCE",
  INTERNATIONAL_ORGANIZATION = "INTERNATIONAL_ORGANIZATION",
}

export enum AgencyKind {
  MINISTRY = "MINISTRY",
  LAW_ENFORCEMENT = "LAW_ENFORCEMENT",
  INTELLIGENCE = "INTELLIGENCE",
  MILITARY = "MILITARY",
  EXECUTIVE_OFFICE = "EXECUTIVE_OFFICE",
  DIPLOMATIC_SERVICE = "DIPLOMATIC_SERVICE",
  CYBERSECURITY = "CYBERSECURITY",
  PROSECUTOR = "PROSECUTOR",
  COURT = "COURT",
  COUNCIL = "COUNCIL",
  OTHER = "OTHER",
}

export enum StatementKind {
  PRESS_STATEMENT = "PRESS_STATEMENT",
  JOINT_STATEMENT = "JOINT_STATEMENT",
  DECLARATION = "DECLARATION",
  SPEECH = "SPEECH",
  PRESS_RELEASE = "PRESS_RELEASE",
  PRESS_BRIEFING = "PRESS_BRIEFING",
  ADVISORY = "ADVISORY",
  REPORT = "REPORT",
  SOCIAL_MEDIA = "SOCIAL_MEDIA",
  OTHER = "OTHER",
}

export enum AttributionKind {
  FORMAL = "FORMAL",
  JOINT = "JOINT",
  TECHNICAL = "TECHNICAL",
  MEDIA_REPORTED = "MEDIA_REPORTED",
  DENIAL = "DENIAL",
  CONTESTED = "CONTESTED",
}

export enum ConfidenceLevel {
  LOW = "LOW",
  MODERATE = "MODERATE",
  HIGH = "HIGH",
  VERY_HIGH = "VERY_HIGH",
}

registerEnumType(GovernmentKind, { name: "GovernmentKind" });
registerEnumType(AgencyKind, { name: "AgencyKind" });
registerEnumType(StatementKind, { name: "StatementKind" });
registerEnumType(AttributionKind, { name: "AttributionKind" });
registerEnumType(ConfidenceLevel, {
  name: "ConfidenceLevel",
  description:
    "Normalised confidence (STIX 2.1 scale): LOW 15, MODERATE 50, HIGH 85, VERY_HIGH 95.",
});
