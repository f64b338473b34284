/// The database gave no connection: the server is down or unreachable, or, when `waited` is
/// set, every pooled connection stayed busy for that long.
struct DatabaseUnreachable: Error, Sendable {
    /// How long the request waited, when it gave up waiting.
    let waited: Duration?
}
