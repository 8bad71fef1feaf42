import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { RawSqlResultsToEntityTransformer } from "typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js";
import { queryRows } from "../../platform/database";

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
    return this.toEntities(await this.rows(manager, parameters));
  }

  /** Its raw rows for `parameters`, through `manager`. */
  async rows(manager: EntityManager, parameters: ObjectLiteral): Promise<ObjectLiteral[]> {
    const [sql, values] = this.db.driver.escapeQueryWithParameters(this.sql, parameters);
    return queryRows(manager, sql, values);
  }

  /** Rows this SELECT (or one selecting the same columns) returned, as entities. */
  toEntities(rows: ObjectLiteral[]): T[] {
    if (!rows.length) return [];
    return this.transformer.transform(rows, this.query.expressionMap.mainAlias!) as T[];
  }
}

/** The SELECT `build` makes for `entity` in the shape named `shape`, built on first use. */
export function builtOnce<T>(
  db: DataSource,
  entity: new () => unknown,
  shape: string,
  build: () => Query,
): BuiltSelect<T> {
  return byShape(db, `select|${entity.name}|${shape}`, () => new BuiltSelect<T>(db, build()));
}

const shaped = new WeakMap<DataSource, Map<string, unknown>>();
/** Shapes kept per data source: bounded, as a shape may name a filter's values. */
const MAX_SHAPES = 500;

/**
 * What `build` makes for `shape` (a statement and its parameters), made once per data source;
 * made each time when there is no shape.
 */
export function byShape<V>(db: DataSource, shape: string | undefined, build: () => V): V {
  if (shape === undefined) return build();
  let shapes = shaped.get(db);
  if (!shapes) shaped.set(db, (shapes = new Map()));
  let value = shapes.get(shape) as V | undefined;
  if (value === undefined) {
    value = build();
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(shape, value);
  }
  return value;
}
