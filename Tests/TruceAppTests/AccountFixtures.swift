import Foundation
import TruceApp
import TruceStore
import TruceTestSupport

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_764_590_400)) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    /// The clock as use cases take it.
    var reading: @Sendable () -> Date { { self.now } }
}

/// A scratch store with the use cases on it, bcrypt at its lowest cost so that tests run quickly.
struct AccountFixture {
    let store: SQLiteStore
    let clock = TestClock()
    let policy = PasswordPolicy(minimumLength: 12, bcryptCost: 4)
    static let author = ChangeAuthor.commandLine(osUser: "tester")
    static let password = "correct horse battery"

    init() throws {
        let directory = try ScratchDirectory.make("truce-accounts")
        store = try SQLiteStore(path: directory.appendingPathComponent("truce.sqlite").path)
    }

    var accounts: Accounts { Accounts(store: store, policy: policy, now: clock.reading) }
    var tokens: Tokens { Tokens(store: store, now: clock.reading) }

    func authentication(limits: LoginThrottle.Limits = LoginThrottle.Limits(), sessionLifetime: TimeInterval = 3_600) -> Authentication {
        Authentication(store: store, policy: policy, throttleLimits: limits, sessionLifetime: sessionLifetime, now: clock.reading)
    }

    /// Adds a user with ``password``.
    @discardableResult
    func add(_ name: String, _ role: Role, scope: [String] = []) throws -> User {
        try accounts.add(NewAccount(name: name, role: role, password: Self.password, agreementScope: scope), by: Self.author)
    }

    /// Every byte of the database, its WAL file included.
    func databaseBytes() throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        if let wal = FileManager.default.contents(atPath: store.path + "-wal") { bytes.append(wal) }
        return bytes
    }
}
