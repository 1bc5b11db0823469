import Foundation
import TruceStore

/// Limits failed logins per account and per address within a sliding window, so that passwords cannot be
/// guessed quickly: over a limit, logins are refused, without checking the password, until the oldest failure
/// in the window leaves it.
public struct LoginThrottle: Sendable {
    public let store: any AccountStore
    public var limits: Limits
    /// The clock: `Date.init` but in tests.
    public var now: @Sendable () -> Date

    /// How many failures are allowed in the window.
    public struct Limits: Hashable, Sendable {
        /// Failed logins allowed for one account (whatever the address) in the window.
        public var perAccount: Int
        /// Failed logins allowed from one address (whatever the account) in the window.
        public var perAddress: Int
        /// The window's length, in seconds.
        public var window: TimeInterval

        public init(perAccount: Int = 5, perAddress: Int = 20, window: TimeInterval = 900) {
            self.perAccount = perAccount
            self.perAddress = perAddress
            self.window = window
        }
    }

    public init(store: any AccountStore, limits: Limits = Limits(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.limits = limits
        self.now = now
    }

    /// Throws when `account` or `address` has used up its failures in the window.
    /// - Throws: ``LoginThrottled`` with the seconds until an attempt is accepted again.
    public func check(account: String, address: String) throws {
        let instant = now()
        let windowStart = instant.addingTimeInterval(-limits.window)
        let byAccount = try store.loginAttempts(account: account, address: nil, after: windowStart)
        let byAddress = try store.loginAttempts(account: nil, address: address, after: windowStart)
        let waits = [
            wait(byAccount, limit: limits.perAccount, at: instant).map { LoginThrottled(limit: .account, subject: account, retryAfter: $0) },
            wait(byAddress, limit: limits.perAddress, at: instant).map { LoginThrottled(limit: .address, subject: address, retryAfter: $0) },
        ].compactMap { $0 }
        if let longest = waits.max(by: { $0.retryAfter < $1.retryAfter }) { throw longest }
    }

    /// Records a failed login, and forgets failures that have left the window.
    public func recordFailure(account: String, address: String) throws {
        let instant = now()
        try store.write { transaction in
            try transaction.forgetLoginAttempts(before: instant.addingTimeInterval(-limits.window))
            try transaction.recordLoginAttempt(account: account, address: address, at: instant)
        }
    }

    /// Seconds until fewer than `limit` of `attempts` (oldest first) are in the window, or `nil` when already.
    private func wait(_ attempts: [Date], limit: Int, at instant: Date) -> Int? {
        guard attempts.count >= limit else { return nil }
        let leaving = attempts[attempts.count - max(limit, 1)]
        return max(1, Int((leaving.addingTimeInterval(limits.window).timeIntervalSince(instant)).rounded(.up)))
    }
}
