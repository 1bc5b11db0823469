import HummingbirdBcrypt

/// What a password must be, and how it is hashed (bcrypt).
public struct PasswordPolicy: Hashable, Sendable {
    /// The fewest characters a password may have.
    public var minimumLength: Int
    /// bcrypt's cost: 2^cost rounds. 12 takes about a quarter of a second here; tests use the minimum, 4.
    public var bcryptCost: UInt8

    /// bcrypt reads at most 72 bytes of a password: a longer one would be accepted for its first 72 bytes alone.
    public static let maximumBytes = 72

    public init(minimumLength: Int = 12, bcryptCost: UInt8 = 12) {
        self.minimumLength = minimumLength
        self.bcryptCost = min(max(bcryptCost, 4), 31)
    }

    /// Throws unless `password` is acceptable for the user `name`.
    /// - Throws: ``AccountError`` of kind ``AccountError/Kind/weakPassword``, saying which rule it breaks.
    public func check(_ password: String, for name: String) throws {
        func refuse(_ reason: String) -> AccountError { AccountError(.weakPassword, subject: name, field: "password", reason: reason) }
        if password.count < minimumLength { throw refuse("shorter than \(minimumLength) characters") }
        if password.utf8.count > Self.maximumBytes { throw refuse("longer than \(Self.maximumBytes) bytes, which bcrypt cannot tell apart") }
        if password.contains(where: { $0.isNewline || $0 == "\0" }) { throw refuse("contains a line break or a NUL character") }
        if password.lowercased() == name.lowercased() { throw refuse("is the user's name") }
    }

    /// The bcrypt hash of `password` at this policy's cost, with a fresh random salt.
    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: bcryptCost)
    }

    /// Whether `password` is the one `hash` was made from.
    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
