import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { RawSqlResultsToEntityTransformer } from "typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js";

type Query = SelectQueryBuilder<ObjectLiteral>;

/**
 * A SELECT of one entity built once per shape: its SQL with the parameters still named, and how
 * its rows become entities. TypeORM renders the same text for the same shape every time (only
 * the parameters differ); building and rendering it was much of a read request's CPU.
 */
export class BuiltSelect<T> {
  readonly sql: string;
  private readonly transformer: RawSqlResultsToEntityTransformer;

  constructor(
    private readonly db: DataSource,
    readonly query: Query,
  ) {
    this.sql = query.getQuery();
    // Its caches (column aliases) hold for every read of this shape.
    this.transformer = new RawSqlResultsToEntityTransformer(query.expressionMap, db.driver, []);
  }

  /** Its rows as entities for `parameters` (`:...name` spreads an array), through `manager`. */
  async entities(manager: EntityManager, parameters: ObjectLiteral): Promise<T[]> {
    const [sql, values] = this.db.driver.escapeQueryWithParameters(this.sql, parameters);
    const rows = (await manager.query(sql, values)) as ObjectLiteral[];
    return this.toEntities(rows);
  }

  /** Rows this SELECT (or one selecting the same columns) returned, as entities. */
  toEntities(rows: ObjectLiteral[]): T[] {
    if (!rows.length) return [];
    return this.transformer.transform(rows, this.query.expressionMap.mainAlias!) as T[];
  }
}

const built = new WeakMap<DataSource, WeakMap<object, Map<string, BuiltSelect<unknown>>>>();

/** The SELECT `build` makes for `entity` in the shape named `shape`, built on first use. */
export function builtOnce<T>(
  db: DataSource,
  entity: object,
  shape: string,
  build: () => Query,
): BuiltSelect<T> {
  let byEntity = built.get(db);
  if (!byEntity) built.set(db, (byEntity = new WeakMap()));
  let shapes = byEntity.get(entity);
  if (!shapes) byEntity.set(entity, (shapes = new Map()));
  let select = shapes.get(shape);
  if (!select) shapes.set(shape, (select = new BuiltSelect(db, build())));
  return select as BuiltSelect<T>;
}
