import { ErrorCode, apiError } from "../../platform/errors";

export const DEFAULT_MAX_RESPONSE_NODES = 50_000;

/**
 * Bounds the items one request may list, counted as connections and lists are built: a query
 * that slipped past the gateway's cost estimate is cut off before its answer fills the heap.
 */
export class ResponseBudget {
  private used = 0;

  constructor(readonly max: number = DEFAULT_MAX_RESPONSE_NODES) {}

  spend(items: number): void {
    this.used += items;
    if (this.used > this.max) {
      throw apiError(
        ErrorCode.RESPONSE_TOO_LARGE,
        `the answer would list more than ${this.max} items; ask for smaller pages (first) or fewer nested lists`,
        { maxNodes: this.max },
      );
    }
  }
}
