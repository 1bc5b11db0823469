import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceStore

extension Role: ExpressibleByArgument {}

/// Who the command line is, for the audit trail: `cli:` and the operating system's user running it.
func commandLineAuthor() -> ChangeAuthor {
    let name = getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? String(geteuid())
    return .commandLine(osUser: name)
}

/// The password policy, with bcrypt's cost from `$TRUCE_BCRYPT_COST` (4 to 31) when set.
func passwordPolicy() throws -> PasswordPolicy {
    guard let text = ProcessInfo.processInfo.environment["TRUCE_BCRYPT_COST"], !text.isEmpty else { return PasswordPolicy() }
    guard let cost = UInt8(text), (4...31).contains(cost) else {
        throw Failure(message: "TRUCE_BCRYPT_COST: \"\(text)\" is not a cost from 4 to 31", kind: .invalidInput)
    }
    return PasswordPolicy(bcryptCost: cost)
}

/// An instant given as a day (`2025-03-18`, midnight UTC) or a time (`2025-03-18T16:30Z`, `2025-03-18 19:30+03:00`; UTC when
/// no offset is given).
struct Instant: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let stated = StatedTime(parsing: argument) else { return nil }
        date = stated.instant(in: .utc)
    }
}
