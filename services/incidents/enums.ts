import { type EnumValue, describedEnum } from "../kit/enums";

export const IncidentKind = describedEnum(
  "IncidentKind",
  "What a cyber operation did, by its main purpose.",
  {
    ESPIONAGE: "Intelligence collection: the Microsoft Exchange compromise, SolarWinds.",
    RANSOMWARE: "Data encrypted for a ransom: WannaCry, REvil's attack on Kaseya.",
    SABOTAGE: "Systems disrupted or destroyed: NotPetya, the attacks on Ukraine's power grid.",
    DATA_THEFT: "Data stolen for gain, e.g. trade secrets or personal records.",
    DDOS: "Services flooded with traffic: the campaign against US banks (2011-2013).",
    HACK_AND_LEAK: "Data stolen and published to sway opinion: the DNC hacks (2016).",
    FINANCIAL_THEFT: "Money or cryptocurrency stolen: the North Korean RGB theft campaign.",
    OTHER: "Any other purpose.",
  },
);
export type IncidentKind = EnumValue<typeof IncidentKind>;

export const ThreatActorKind = describedEnum(
  "ThreatActorKind",
  "Who a threat actor works for, as far as the sources say.",
  {
    STATE_SPONSORED: "Works for or on behalf of a state: APT40, Sandworm.",
    CRIMINAL: "Works for profit: REvil.",
    HACKTIVIST: "Works for a political or social cause.",
    UNKNOWN: "The sources do not say.",
  },
);
export type ThreatActorKind = EnumValue<typeof ThreatActorKind>;
