import Crypto
import Foundation
import HTTPTypes
import PipewatchCore

/// How API tokens are stored in the config: the lower-case hex SHA-256 of the token.
public enum TokenHash {
    /// The hex SHA-256 of `token`.
    public static func sha256(_ token: String) -> String {
        HexText.encode(SHA256.hash(data: Data(token.utf8)))
    }

    /// A new random token: 32 bytes from the system's secure generator, hex-encoded.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return HexText.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
