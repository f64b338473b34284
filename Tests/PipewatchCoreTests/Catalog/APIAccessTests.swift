import PipewatchCore
import Testing

@Suite("API access")
struct APIAccessTests {
    @Test(
        "each scope includes the narrower ones: read, then write, then admin",
        arguments: [
            (APIAccess.Scope.read, APIAccess.Scope.read, true),
            (.read, .write, false),
            (.read, .admin, false),
            (.write, .read, true),
            (.write, .write, true),
            (.write, .admin, false),
            (.admin, .read, true),
            (.admin, .write, true),
            (.admin, .admin, true),
        ]
    )
    func scopeAllows(token: APIAccess.Scope, needed: APIAccess.Scope, allowed: Bool) {
        #expect(token.allows(needed) == allowed)
    }

    @Test("an admin token lets ingest in; a read token alone does not")
    func adminAcceptsIngest() {
        let admin = APIAccess(tokens: [.init(name: "ops", sha256: String(repeating: "a", count: 64), scope: .admin)])
        let reader = APIAccess(tokens: [.init(name: "grafana", sha256: String(repeating: "b", count: 64), scope: .read)]
        )
        #expect(admin.acceptsIngest)
        #expect(!reader.acceptsIngest)
    }
}
