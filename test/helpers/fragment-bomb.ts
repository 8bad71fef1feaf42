/** 15 fragments on `on`, each spreading the next 4 times: 4^14 copies of the last one. */
export function fragmentBomb(on: "Query" | "Government", leaf: string): string {
  const fragments = Array.from({ length: 15 }, (_, i) =>
    i === 14
      ? `fragment F14 on ${on} { ${leaf} }`
      : `fragment F${i} on ${on} { ${`...F${i + 1} `.repeat(4)}}`,
  );
  const operation = on === "Query" ? `{ ...F0 }` : `{ government(id: "us") { ...F0 } }`;
  return [operation, ...fragments].join("\n");
}
