import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceReport
import TruceStore

/// A calendar day given on the command line as `YYYY-MM-DD`. Only days that exist are accepted: not
/// `2025-02-30`, not month 13, not year 0; a wrong value is a usage error (exit 64) naming the option.
struct Day: ExpressibleByArgument, Hashable, Sendable, CustomStringConvertible {
    /// The day, with no time of day.
    let stated: StatedTime

    /// How the day is written, for help and messages.
    static let form = DayText.form

    init?(argument: String) {
        guard let day = try? Day(validating: argument) else { return nil }
        self = day
    }

    /// Reads `text`, saying why it is not a day when it is not one.
    init(validating text: String) throws {
        do { stated = try DayText.read(text) } catch { throw InvalidValue(error.description) }
    }

    var description: String { stated.description }
}

/// Why an option's value was refused; ArgumentParser prints it after naming the option and the value.
struct InvalidValue: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// Closed vocabularies: ArgumentParser refuses any other value as a usage error (exit 64) and lists the values
// in `--help` and in the message.
extension VerdictKind: ExpressibleByArgument {}
extension EvidenceLevel: ExpressibleByArgument {}
extension TargetCategory: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ReportRenderer.Format: ExpressibleByArgument {}
extension VerdictUnit: ExpressibleByArgument {}
extension ExportKind: ExpressibleByArgument {}

/// The format `truce import` reads, one of ``Importer/formatNames``; any other name is a usage error (exit 64)
/// listing them.
struct ImportFormat: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// Truce's own CSV, which `truce incidents load` reads.
    static let truce = ImportFormat(name: "truce")

    let name: String

    private init(name: String) { self.name = name }

    init?(argument: String) {
        guard Importer.formatNames.contains(argument) else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { Importer.formatNames }

    var description: String { name }

    /// The importer for this format, mapping actors to parties with the table at `actorTable` (else the bundled one).
    func importer(actorTable: String? = nil) throws -> Importer {
        guard let importer = try Importer(format: name, actorTable: actorTable) else {
            throw Failure(message: "no importer reads the format '\(name)'", kind: .invalidInput)
        }
        return importer
    }
}

/// A number of rows on the command line: a whole number, at least 1.
struct RowCount: Sendable, CustomStringConvertible {
    let value: Int

    init(_ value: Int) { self.value = value }

    /// Reads `text`, saying why it is not a number of rows when it is not one; `hint` follows the reason.
    init(validating text: String, hint: String? = nil) throws {
        guard let value = Int(text), value >= 1 else {
            throw InvalidValue("not a number of rows: write a whole number, at least 1" + (hint.map { " (\($0))" } ?? ""))
        }
        self.value = value
    }

    var description: String { String(value) }
}

extension PagePosition {
    /// Reads the position `truce verdicts list` printed after `--after`, saying so when `text` is not one.
    init(validating text: String) throws {
        guard let position = PagePosition(token: text) else {
            throw InvalidValue("not a position printed by `truce verdicts list`")
        }
        self = position
    }
}
