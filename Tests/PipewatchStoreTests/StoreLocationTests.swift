import PipewatchStore
import Testing

@Suite("database locations")
struct StoreLocationTests {
    @Test(
        "a location string names SQLite or PostgreSQL",
        arguments: [
            ("state.sqlite", StoreLocation.sqliteFile(path: "state.sqlite")),
            ("/var/lib/pipewatch/state.sqlite", .sqliteFile(path: "/var/lib/pipewatch/state.sqlite")),
            (":memory:", .sqliteInMemory),
            (
                "postgres://pw:s%40cret@db.example.com:6543/pipewatch?sslmode=require&schema=oncall",
                .postgres(
                    PostgresLocation(
                        host: "db.example.com",
                        port: 6543,
                        username: "pw",
                        password: "s@cret",
                        database: "pipewatch",
                        tlsMode: .require,
                        schema: "oncall"
                    )
                )
            ),
            ("postgresql://pw@localhost", .postgres(PostgresLocation(host: "localhost", username: "pw"))),
            (
                "POSTGRES://pw@localhost/db?sslmode=allow",
                .postgres(PostgresLocation(host: "localhost", username: "pw", database: "db"))
            ),
        ]
    )
    func parse(text: String, expected: StoreLocation) throws {
        #expect(try StoreLocation(parsing: text) == expected)
    }

    @Test(
        "a bad location is refused with a message that never shows the password",
        arguments: [
            ("", "the database location is empty; give a file path, ':memory:' or a 'postgres://' URL"),
            (
                "mysql://root@localhost/db",
                "unsupported database scheme 'mysql'; give a file path, ':memory:' or a 'postgres://' URL"
            ),
            (
                "postgres://localhost/db",
                "the database URL has no user name; write 'postgres://USER@localhost/DATABASE'"
            ),
            ("postgres://u:secret@/db", "the database URL has no host; write 'postgres://USER@HOST/DATABASE'"),
            (
                "postgres://u:secret@h/db?sslmode=maybe",
                "unknown sslmode 'maybe' in the database URL; use one of allow, disable, prefer, require, verify-ca, verify-full"
            ),
            (
                "postgres://u:secret@h/db?schema=Public;drop",
                "schema 'Public;drop' in the database URL must be lower-case letters, digits and '_', starting with a letter"
            ),
            (
                "postgres://u:secret@h/db?timeout=3",
                "unknown option 'timeout' in the database URL; the options are 'sslmode', 'schema', "
                    + "'connect_timeout' and 'statement_timeout'"
            ),
            (
                "postgres://u:secret@h/db?connect_timeout=0",
                "connect_timeout '0' in the database URL must be whole seconds from 1 to 3600"
            ),
            (
                "postgres://u:secret@h/db?statement_timeout=5s",
                "statement_timeout '5s' in the database URL must be milliseconds from 0 (no limit) to 86400000"
            ),
        ]
    )
    func refuse(text: String, message: String) {
        let error = #expect(throws: StoreError.self) { try StoreLocation(parsing: text) }
        #expect(error?.description == message)
        #expect(error?.description.contains("secret") == false)
    }

    @Test("a location prints without its password")
    func redactsPassword() throws {
        let location = try StoreLocation(parsing: "postgres://pw:secret@db:5432/pipewatch?schema=oncall")
        #expect(location.description == "postgres://pw:***@db:5432/pipewatch?schema=oncall")
    }

    @Test("connect and statement timeouts come from the URL, with defaults of 5 s and 10 s")
    func timeouts() throws {
        let plain = try PostgresLocation(url: "postgres://pw@db/pipewatch")
        #expect(plain.connectTimeout == .seconds(5))
        #expect(plain.statementTimeout == .seconds(10))
        let tuned = try PostgresLocation(url: "postgres://pw@db/pipewatch?connect_timeout=2&statement_timeout=0")
        #expect(tuned.connectTimeout == .seconds(2))
        #expect(tuned.statementTimeout == .zero)
        #expect(tuned.description == "postgres://pw@db:5432/pipewatch?connect_timeout=2&statement_timeout=0")
    }

    @Test("the default location is .pipewatch/state.sqlite beside the config")
    func defaultLocation() {
        #expect(
            StoreLocation.defaultLocation(besideConfigIn: "/srv/team")
                == .sqliteFile(path: "/srv/team/.pipewatch/state.sqlite")
        )
    }

    @Test(
        "--database wins over PIPEWATCH_DATABASE_URL, which wins over the default; empty values count as absent",
        arguments: [
            (
                String?.some("opt.sqlite"), ["PIPEWATCH_DATABASE_URL": "env.sqlite"],
                StoreLocation.sqliteFile(path: "opt.sqlite")
            ),
            (nil, ["PIPEWATCH_DATABASE_URL": "env.sqlite"], .sqliteFile(path: "env.sqlite")),
            ("", ["PIPEWATCH_DATABASE_URL": ""], .sqliteFile(path: "/srv/team/.pipewatch/state.sqlite")),
            (nil, [:], .sqliteFile(path: "/srv/team/.pipewatch/state.sqlite")),
        ]
    )
    func resolve(option: String?, environment: [String: String], expected: StoreLocation) throws {
        #expect(
            try StoreLocation.resolve(option: option, environment: environment, configDirectory: "/srv/team")
                == expected
        )
    }
}
