/** Where in an input something is wrong, shared by the gateway's guards and the write path. */
export type Path = (string | number)[];

/** One thing wrong with an input, at its path: `["input", "quotes", 0, "language"]`. */
export interface Problem {
  path: Path;
  message: string;
  /** What kind of problem (the write path's `ProblemCode`); INVALID when not given. */
  code?: string;
}

export function formatPath(path: Path): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part,
    "",
  );
}
