interface Role {
  from?: { start: string } | null;
  to?: { end: string } | null;
}

/** The role someone held on `day` (YYYY-MM-DD): the title a statement was made under. */
export function roleOn<R extends Role>(roles: readonly R[], day: string): R | undefined {
  return roles.find(
    (role) => (!role.from || role.from.start <= day) && (!role.to || day <= role.to.end),
  );
}
