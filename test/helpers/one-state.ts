import { BUNDLE_FORMAT, type Bundle } from "../../platform/bundle";

/** The smallest graph a write can name: the United States, citing one source. */
export const ONE_STATE_BUNDLE: Bundle = {
  format: BUNDLE_FORMAT,
  sources: {
    "us-facts": {
      url: null,
      title: "Facts",
      publisher: null,
      publishedAt: null,
      language: "en",
      excerpt: null,
    },
  },
  governments: [{ id: "us", name: "United States", kind: "STATE", sources: ["us-facts"] }],
} as Bundle;
