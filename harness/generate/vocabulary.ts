/** The words the synthetic dataset is made of. */

export const SOURCES = [
  {
    id: "synthetic",
    url: null,
    title: "Synthetic benchmark data",
    publisher: "attribution-graph bench",
    publishedAt: null,
    language: "en",
    excerpt: null,
  },
];

export const INCIDENT_KINDS = [
  "ESPIONAGE",
  "RANSOMWARE",
  "SABOTAGE",
  "DATA_THEFT",
  "DDOS",
  "HACK_AND_LEAK",
];
export const STATEMENT_KINDS = [
  "PRESS_STATEMENT",
  "JOINT_STATEMENT",
  "DECLARATION",
  "PRESS_RELEASE",
  "ADVISORY",
];
export const ATTRIBUTION_KINDS = ["FORMAL", "FORMAL", "JOINT", "TECHNICAL", "MEDIA_REPORTED"];
export const CONFIDENCE = [
  { wording: "almost certainly", level: "VERY_HIGH", score: 95 },
  { wording: "with high confidence", level: "HIGH", score: 85 },
  { wording: "likely", level: "MODERATE", score: 50 },
  { wording: "may be linked", level: "LOW", score: 15 },
];
export const SECTORS = ["government", "defense", "energy", "finance", "health", "telecom", "media"];
export const SECTORS_FR: Record<string, string> = {
  government: "public",
  defense: "de la défense",
  energy: "de l'énergie",
  finance: "financier",
  health: "de la santé",
  telecom: "des télécommunications",
  media: "des médias",
};
export const FIRST_NAMES = [
  "Li",
  "Wang",
  "Zhang",
  "Ivan",
  "Dmitri",
  "Ali",
  "Reza",
  "Kim",
  "Park",
  "Sergei",
  "Chen",
];
export const LAST_NAMES = [
  "Xiaoyang",
  "Yunmin",
  "Petrov",
  "Sokolov",
  "Hosseini",
  "Jong",
  "Volkov",
  "Wei",
  "Rahimi",
];
export const DEFENDANT_STATUSES = ["AT_LARGE", "AT_LARGE", "ARRESTED", "CONVICTED", "SANCTIONED"];
export const LEGAL_KINDS = ["INDICTMENT", "INDICTMENT", "CRIMINAL_COMPLAINT", "SANCTION", "ARREST"];
export const LEGAL_STATUSES = ["PENDING", "ACTIVE", "RESOLVED", "IN_FORCE"];
