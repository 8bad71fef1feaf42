import { DefaultNamingStrategy, type NamingStrategyInterface } from "typeorm";

/** snake_case columns (`issued_on`) for camelCase properties (`issuedOn`). */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]) {
    const name = customName ?? [...prefixes, propertyName].join("_");
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  }
}
