import { registerEnumType } from "type-graphql";

export enum IncidentKind {
  ESPIONAGE = "ESPIONAGE",
  RANSOMWARE = "RANSOMWARE",
  SABOTAGE = "SABOTAGE",
  DATA_THEFT = "DATA_THEFT",
  DDOS = "DDOS",
  HACK_AND_LEAK = "HACK_AND_LEAK",
  FINANCIAL_THEFT = "FINANCIAL_THEFT",
  OTHER = "OTHER",
}

export enum ThreatActorKind {
  STATE_SPONSORED = "STATE_SPONSORED",
  CRIMINAL = "CRIMINAL",
  HACKTIVIST = "HACKTIVIST",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(IncidentKind, { name: "IncidentKind" });
registerEnumType(ThreatActorKind, { name: "ThreatActorKind" });
