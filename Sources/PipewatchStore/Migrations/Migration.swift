/// One step of the schema, applied once per database and recorded in `schema_migrations`.
///
/// A migration that has shipped is never edited: a database that already applied it would
/// not see the change. Change the schema with a new migration appended to
/// ``Migrations/all``. Migrations are plain SQL and use no app types, so later changes
/// to the code cannot change what an old migration does.
struct Migration: Sendable {
    /// The key stored in `schema_migrations.id`, such as `0001_schedule_state`.
    let id: String
    /// The statements for an engine, run in order inside the migration's transaction.
    let statements: @Sendable (DatabaseEngine) -> [String]
}
