import Crypto
public import Foundation
import PipewatchCore

/// The `Pipewatch-Signature` header, as Stripe signs webhooks: `t=UNIX_SECONDS,v1=HEX`, where HEX
/// is the HMAC-SHA256, keyed by the receiver's secret, of the timestamp, a dot and the raw body.
public enum WebhookSignature {
    /// The header value for `body` sent at `time`.
    ///
    /// - Parameters:
    ///   - body: The exact bytes sent.
    ///   - secret: The contact's secret.
    ///   - time: When it is sent.
    /// - Returns: `t=…,v1=…`.
    public static func header(body: Data, secret: String, at time: Date) -> String {
        let timestamp = Int64(time.timeIntervalSince1970.rounded(.down))
        return "t=\(timestamp),v1=\(hex(body: body, secret: secret, timestamp: timestamp))"
    }

    /// Checks a header the way a receiver does.
    ///
    /// - Returns: Whether `v1` matches the HMAC of the timestamp and body under `secret`.
    public static func isValid(header: String, body: Data, secret: String) -> Bool {
        var parts: [String: String] = [:]
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { parts[pair[0]] = pair[1] }
        }
        guard let timestamp = parts["t"].flatMap({ Int64($0) }), let signature = parts["v1"] else { return false }
        return hex(body: body, secret: secret, timestamp: timestamp) == signature
    }

    private static func hex(body: Data, secret: String, timestamp: Int64) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return HexText.encode(code)
    }
}
