/// How request bodies are read: how large one may be, how long it may take to arrive, and the
/// budget all bodies in flight share.
struct BodyLimits: Sendable {
    /// The largest body, after decompression; larger ones get 413.
    var maxBytes: Int
    /// How long a body may take to arrive in full; a stalled one gets 408 and its memory is freed.
    var timeout: Duration
    let budget: BodyBudget

    /// The same limits with a smaller size, for routes that take a few fields.
    func capped(at bytes: Int) -> BodyLimits {
        var limits = self
        limits.maxBytes = min(maxBytes, bytes)
        return limits
    }
}
