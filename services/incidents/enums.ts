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

registerEnumType(IncidentKind, {
  name: "IncidentKind",
  description: "What a cyber operation did, by its main purpose.",
  valuesConfig: {
    ESPIONAGE: {
      description: "Intelligence collection: the Microsoft Exchange compromise, SolarWinds.",
    },
    RANSOMWARE: { description: "Data encrypted for a ransom: WannaCry, REvil's attack on Kaseya." },
    SABOTAGE: {
      description: "Systems disrupted or destroyed: NotPetya, the attacks on Ukraine's power grid.",
    },
    DATA_THEFT: { description: "Data stolen for gain, e.g. trade secrets or personal records." },
    DDOS: {
      description: "Services flooded with traffic: the campaign against US banks (2011-2013).",
    },
    HACK_AND_LEAK: {
      description: "Data stolen and published to sway opinion: the DNC hacks (2016).",
    },
    FINANCIAL_THEFT: {
      description: "Money or cryptocurrency stolen: the North Korean RGB theft campaign.",
    },
    OTHER: { description: "Any other purpose." },
  },
});

registerEnumType(ThreatActorKind, {
  name: "ThreatActorKind",
  description: "Who a threat actor works for, as far as the sources say.",
  valuesConfig: {
    STATE_SPONSORED: { description: "Works for or on behalf of a state: APT40, Sandworm." },
    CRIMINAL: { description: "Works for profit: REvil." },
    HACKTIVIST: { description: "Works for a political or social cause." },
    UNKNOWN: { description: "The sources do not say." },
  },
});
