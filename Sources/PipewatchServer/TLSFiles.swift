import Foundation
import HummingbirdTLS

/// The certificate and private key `pipewatch serve --tls-cert --tls-key` serves HTTPS with:
/// PEM files, the certificate file holding the server's certificate and then its chain.
public struct TLSFiles: Sendable, Equatable {
    public var certificate: String
    public var privateKey: String

    /// Creates the pair; nothing is read until ``configuration()``.
    public init(certificate: String, privateKey: String) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// Reads both files, so that `serve` can refuse unusable ones before it starts.
    ///
    /// - Throws: ``TLSFilesError`` naming the file that cannot be read or parsed, and why.
    public func check() throws(TLSFilesError) {
        _ = try configuration()
    }

    /// Reads both files into a server TLS configuration.
    ///
    /// - Throws: ``TLSFilesError`` naming the file that cannot be read or parsed, and why.
    func configuration() throws(TLSFilesError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw TLSFilesError(file: certificate, what: "certificate", reason: "\(error)")
        }
        guard !chain.isEmpty else {
            throw TLSFilesError(file: certificate, what: "certificate", reason: "it holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw TLSFilesError(file: privateKey, what: "private key", reason: "\(error)")
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
    }
}

/// Why `serve` cannot use its TLS files.
public struct TLSFilesError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var what: String
    public var reason: String

    public var description: String {
        "cannot use '\(file)' as the TLS \(what): \(reason); give PEM files, e.g. from "
            + "'openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -subj /CN=pipewatch'"
    }
}
