import { randomUUID } from "node:crypto";
import pg from "pg";

/** A one-row table beside Medusa's, holding the id of these data. */
const TABLE = "qfpay_demo_data_identity";

/**
 * An id stored in the database itself, made on first use: the same data answer the same id
 * whatever the host, port or URL they are reached by, and a new or recreated database a new one.
 */
export async function databaseIdentity(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`);
    // Under a lock, so two starts racing agree on one id.
    await client.query("BEGIN");
    await client.query(`LOCK TABLE ${TABLE} IN EXCLUSIVE MODE`);
    const existing = await client.query<{ id: string }>(`SELECT id FROM ${TABLE} ORDER BY created_at LIMIT 1`);
    const id = existing.rows[0]?.id ?? randomUUID();
    if (!existing.rows[0]) await client.query(`INSERT INTO ${TABLE} (id) VALUES ($1)`, [id]);
    await client.query("COMMIT");
    return id;
  } finally {
    await client.end();
  }
}
