import type { ReactNode } from "react";

/** A page's section under its heading (`id` labels the section). */
export function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="block">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
