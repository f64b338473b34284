extension Migrations {
    /// Several instances on one PostgreSQL (issue 12): `engine_leases` holds, per engine module
    /// that must run in one instance at a time (the check scheduler), which instance holds it and
    /// until when; a holder renews it, and another instance takes it over once it has expired.
    /// `outbox.lease_holder` names the instance that claimed a message for sending, so a
    /// message sent twice (its holder died mid-send) can be traced.
    static let leases = Migration(id: "0010_leases") { _ in
        [
            """
            CREATE TABLE engine_leases (
                module TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                acquired_at_ms BIGINT NOT NULL,
                lease_until_ms BIGINT NOT NULL
            )
            """,
            "ALTER TABLE outbox ADD COLUMN lease_holder TEXT",
        ]
    }
}
