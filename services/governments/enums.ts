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

registerEnumType(GovernmentKind, {
  name: "GovernmentKind",
  description: "What kind of government or body speaks.",
  valuesConfig: {
    STATE: { description: "A sovereign state: the United States, China." },
    SUPRANATIONAL_UNION: { description: "A union of states with common institutions: the EU." },
    ALLIANCE: { description: "A military or political alliance: NATO, Five Eyes." },
    INTERNATIONAL_ORGANIZATION: { description: "An organisation of states: the UN, the OSCE." },
  },
});

registerEnumType(AgencyKind, {
  name: "AgencyKind",
  description: "What an agency of a government does.",
  valuesConfig: {
    MINISTRY: { description: "A ministry or department: US Department of State." },
    LAW_ENFORCEMENT: { description: "Police and justice departments: US DOJ, FBI." },
    INTELLIGENCE: { description: "An intelligence service: China's MSS, Russia's GRU." },
    MILITARY: { description: "Armed forces or a military unit: PLA Unit 61398." },
    EXECUTIVE_OFFICE: { description: "A head of state's or government's office: the White House." },
    DIPLOMATIC_SERVICE: { description: "A foreign service: the EEAS." },
    CYBERSECURITY: { description: "A cybersecurity agency: CISA, ANSSI, the UK NCSC." },
    PROSECUTOR: { description: "A prosecutor's office: a US Attorney's Office." },
    COURT: { description: "A court." },
    COUNCIL: { description: "A council of a union or alliance: the Council of the EU." },
    OTHER: { description: "Any other kind of body." },
  },
});

registerEnumType(StatementKind, {
  name: "StatementKind",
  description: "The form of a statement.",
  valuesConfig: {
    PRESS_STATEMENT: { description: "A statement to the press by an official or a ministry." },
    JOINT_STATEMENT: { description: "A statement issued by several governments together." },
    DECLARATION: { description: "A formal declaration, e.g. by the EU High Representative." },
    SPEECH: { description: "Words spoken in a speech or an interview." },
    PRESS_RELEASE: { description: "A press release, e.g. of a justice department." },
    PRESS_BRIEFING: { description: "Words spoken at a press briefing." },
    ADVISORY: { description: "A technical advisory, e.g. a joint cybersecurity advisory." },
    REPORT: { description: "A published report." },
    SOCIAL_MEDIA: { description: "A post on social media." },
    OTHER: { description: "Any other form." },
  },
});

registerEnumType(AttributionKind, {
  name: "AttributionKind",
  description: "How an attribution is made.",
  valuesConfig: {
    FORMAL: { description: "A government formally names who is responsible." },
    JOINT: { description: "Several governments name who is responsible together." },
    TECHNICAL: {
      description: "A technical attribution, e.g. in an advisory, without a formal political one.",
    },
    MEDIA_REPORTED: {
      description: "Reported by the media, citing officials, without an official statement.",
    },
    DENIAL: { description: "The accused denies responsibility." },
    CONTESTED: { description: "The attribution is disputed, e.g. by another government." },
  },
});

registerEnumType(ConfidenceLevel, {
  name: "ConfidenceLevel",
  description:
    "Normalised confidence (STIX 2.1 scale): LOW 15, MODERATE 50, HIGH 85, VERY_HIGH 95.",
  valuesConfig: {
    LOW: { description: '"low confidence", "possibly", "may be linked". Score 15.' },
    MODERATE: { description: '"moderate confidence", "likely", "probably". Score 50.' },
    HIGH: { description: '"high confidence", "highly likely". Score 85.' },
    VERY_HIGH: {
      description: '"almost certainly", or an unhedged formal statement of fact. Score 95.',
    },
  },
});
