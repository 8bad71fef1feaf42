import { type EnumValue, describedEnum } from "../kit/enums";

export const GovernmentKind = describedEnum(
  "GovernmentKind",
  "What kind of government or body speaks.",
  {
    STATE: "A sovereign state: the United States, China.",
    SUPRANATIONAL_UNION: "A union of states with common institutions: the EU.",
    ALLIANCE: "A military or political alliance: NATO, Five Eyes.",
    INTERNATIONAL_ORGANIZATION: "An organisation of states: the UN, the OSCE.",
  },
);
export type GovernmentKind = EnumValue<typeof GovernmentKind>;

export const AgencyKind = describedEnum("AgencyKind", "What an agency of a government does.", {
  MINISTRY: "A ministry or department: US Department of State.",
  LAW_ENFORCEMENT: "Police and justice departments: US DOJ, FBI.",
  INTELLIGENCE: "An intelligence service: China's MSS, Russia's GRU.",
  MILITARY: "Armed forces or a military unit: PLA Unit 61398.",
  EXECUTIVE_OFFICE: "A head of state's or government's office: the White House.",
  DIPLOMATIC_SERVICE: "A foreign service: the EEAS.",
  CYBERSECURITY: "A cybersecurity agency: CISA, ANSSI, the UK NCSC.",
  PROSECUTOR: "A prosecutor's office: a US Attorney's Office.",
  COURT: "A court.",
  COUNCIL: "A council of a union or alliance: the Council of the EU.",
  OTHER: "Any other kind of body.",
});
export type AgencyKind = EnumValue<typeof AgencyKind>;

export const StatementKind = describedEnum("StatementKind", "The form of a statement.", {
  PRESS_STATEMENT: "A statement to the press by an official or a ministry.",
  JOINT_STATEMENT: "A statement issued by several governments together.",
  DECLARATION: "A formal declaration, e.g. by the EU High Representative.",
  SPEECH: "Words spoken in a speech or an interview.",
  PRESS_RELEASE: "A press release, e.g. of a justice department.",
  PRESS_BRIEFING: "Words spoken at a press briefing.",
  ADVISORY: "A technical advisory, e.g. a joint cybersecurity advisory.",
  REPORT: "A published report.",
  SOCIAL_MEDIA: "A post on social media.",
  OTHER: "Any other form.",
});
export type StatementKind = EnumValue<typeof StatementKind>;

export const AttributionKind = describedEnum("AttributionKind", "How an attribution is made.", {
  FORMAL: "A government formally names who is responsible.",
  JOINT: "Several governments name who is responsible together.",
  TECHNICAL: "A technical attribution, e.g. in an advisory, without a formal political one.",
  MEDIA_REPORTED: "Reported by the media, citing officials, without an official statement.",
  DENIAL: "The accused denies responsibility.",
  CONTESTED: "The attribution is disputed, e.g. by another government.",
});
export type AttributionKind = EnumValue<typeof AttributionKind>;

export const ConfidenceLevel = describedEnum(
  "ConfidenceLevel",
  "Normalised confidence (STIX 2.1 scale): LOW 15 (0-29), MODERATE 50 (30-69), HIGH 85 (70-89), VERY_HIGH 95 (90-100). A score given with a level lies in its range.",
  {
    LOW: '"low confidence", "possibly", "may be linked". Score 15; 0-29.',
    MODERATE: '"moderate confidence", "likely", "probably". Score 50; 30-69.',
    HIGH: '"high confidence", "highly likely". Score 85; 70-89.',
    VERY_HIGH: '"almost certainly", or an unhedged formal statement of fact. Score 95; 90-100.',
  },
);
export type ConfidenceLevel = EnumValue<typeof ConfidenceLevel>;

/**
 * The scores each level covers (STIX 2.1's None/Low/Med/High bands, High split at 90): a level
 * and a score given together must agree.
 */
export const CONFIDENCE_SCORES: Record<ConfidenceLevel, readonly [number, number]> = {
  LOW: [0, 29],
  MODERATE: [30, 69],
  HIGH: [70, 89],
  VERY_HIGH: [90, 100],
};
