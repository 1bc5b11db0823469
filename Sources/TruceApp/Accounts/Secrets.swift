import Crypto
import Foundation

/// The secrets Truce hands out (API tokens, session ids, CSRF tokens, generated passwords) and the digests it
/// keeps of them instead.
public enum Secrets {
    /// The prefix of every API token, so that a leaked one is recognised (e.g. by secret scanners).
    public static let tokenPrefix = "truce_"

    /// 32 bytes from the system's secure generator, as unpadded base64url after `prefix`: 43 characters of
    /// `A–Z a–z 0–9 - _` (256 bits).
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(Data(bytes))
    }

    /// SHA-256 of `secret`'s UTF-8 bytes: what the store keeps of a token, a session id or a CSRF token.
    public static func digest(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Whether two digests are equal, compared in time that does not depend on where they differ.
    public static func digestsMatch(_ left: Data, _ right: Data) -> Bool {
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// `data` in base64url without padding (RFC 4648, section 5).
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
