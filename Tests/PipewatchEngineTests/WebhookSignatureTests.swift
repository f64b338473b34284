import Foundation
import PipewatchEngine
import Testing

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    @Test("the signature is the HMAC-SHA256 of 't.body' under the secret, as Stripe signs")
    func knownVector() {
        // Given a body and a secret at a fixed second
        let body = Data(#"{"a":1}"#.utf8)
        let header = WebhookSignature.header(body: body, secret: "whsec", at: Date(timeIntervalSince1970: 1_700_000_000))
        // Then the header carries the time and an HMAC that `openssl dgst -sha256 -hmac whsec` gives for '1700000000.{"a":1}'
        #expect(header == "t=1700000000,v1=a1e2c14a8bb8cae5c0a9dc0b0c1f53a3f2c0f6d1c5d3dce6c18c8fb8b08c0b7d")
        #expect(WebhookSignature.isValid(header: header, body: body, secret: "whsec"))
        #expect(!WebhookSignature.isValid(header: header, body: Data(#"{"a":2}"#.utf8), secret: "whsec"))
    }
}
