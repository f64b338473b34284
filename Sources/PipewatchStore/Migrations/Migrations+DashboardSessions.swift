extension Migrations {
    /// Sessions of people signed in to the web dashboard (issue 11), kept in the store so they
    /// survive a restart and are shared by every instance on one PostgreSQL. The session id itself
    /// is never stored, only its SHA-256, so reading the table does not let anyone sign in.
    static let dashboardSessions = Migration(id: "0008_dashboard_sessions") { _ in
        [
            """
            CREATE TABLE dashboard_sessions (
                id_sha256 TEXT PRIMARY KEY,
                user_name TEXT NOT NULL,
                csrf_token TEXT NOT NULL,
                created_at_ms BIGINT NOT NULL,
                expires_at_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at_ms)",
        ]
    }
}
