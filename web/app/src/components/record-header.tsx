import type { ReactNode } from "react";

/** A record page's header: what kind of record (`eyebrow`), its name as the page's heading. */
export function RecordHeader({
  id,
  eyebrow,
  title,
  children,
}: {
  /** The heading's id, which the page's article is labelled by. */
  id: string;
  eyebrow: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <header className="record-header">
      <p className="eyebrow">{eyebrow}</p>
      <h1 id={id}>{title}</h1>
      {children}
    </header>
  );
}
