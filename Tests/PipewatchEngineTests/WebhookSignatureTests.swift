import Foundation
import PipewatchEngine
import Testing

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    @Test("the signature is the HMAC-SHA256 of 't.body' under the secret, as Stripe signs")
    func knownVector() {
        // Given a body and a secret at a fixed second
        let body = Data(#"{"a":1}"#.utf8)
        let header = WebhookSignature.header(
            body: body,
            secret: "whsec",
            at: Date(timeIntervalSince1970: 1_700_000_000)
        )
        // Then the header carries the time and an HMAC that `openssl dgst -sha256 -hmac whsec` gives for '1700000000.{"a":1}'
        #expect(header == "t=1700000000,v1=8ad37ba156048ae0e0a5533c75cdf26fee88b07f93cb57ee4c80adb053012032")
        #expect(WebhookSignature.isValid(header: header, body: body, secret: "whsec"))
        #expect(!WebhookSignature.isValid(header: header, body: Data(#"{"a":2}"#.utf8), secret: "whsec"))
    }
}
