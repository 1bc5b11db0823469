import ArgumentParser
import Foundation
import TruceApp
import TruceCore
import TruceReport
import TruceStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the verdict on an incident: each clause, the value it looked at, and the source it came from.")

    @Argument(help: "The incident's id (see `truce incidents list`).")
    var incident: String

    @Option(help: "Only this agreement (default: every agreement).")
    var agreement: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let opened = try store.openForReading()
            let explanation: Explanation
            do {
                explanation = try Explaining.explain(incident: incident, agreement: agreement, store: opened, observer: TerminalObserver())
            } catch let missing as NotFound {
                throw missing.thing == .incident ? missing.failure(see: "truce incidents list") : missing.failure(option: "--agreement")
            }
            if output.json {
                print(try TruceJSON.string(explanation.verdicts, pretty: true))
                return
            }
            var lines = describe(explanation)
            for verdict in explanation.verdicts {
                lines += ["", "\(verdict.agreement): \(verdict.kind.rawValue)   (rules \(verdict.rulesVersion))"]
                for check in verdict.checks {
                    let mark = check.outcome == .unknown ? "unknown, \(check.uncertainty?.rawValue ?? "")" : check.outcome.rawValue
                    lines.append("  \(check.clause.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(mark): \(check.reason)")
                }
            }
            // Each line on one line, without control characters: incident text cannot act on the terminal.
            print(lines.map(DisplayText.singleLine).joined(separator: "\n"))
        }
    }

    private func describe(_ explanation: Explanation) -> [String] {
        let incident = explanation.incident
        var lines = ["\(incident.id): \(incident.description.isEmpty ? "(no description)" : incident.description)"]
        let span = TimeFormatting.span(incident.time.span, in: incident.time.timeZone)
        lines.append(
            incident.time.isStated
                ? "  when:    \(span) (precision \(incident.time.precision.rawValue))"
                : "  when:    not stated; reported \(span), so before its end (precision unstated)")
        let place = [incident.location.place, incident.location.admin1, incident.location.country].compactMap { $0 }.joined(separator: ", ")
        let point = incident.location.coordinate.map { " at \($0.latitude), \($0.longitude)" } ?? ""
        let others = incident.location.spansSeveralCountries ? "; countries \(incident.location.countries.joined(separator: ", "))" : ""
        lines.append("  where:   \(place.isEmpty ? "not stated" : place)\(point) (precision \(incident.location.precision.rawValue))\(others)")
        lines.append(
            "  what:    \(incident.action == .noHostileAct ? "no hostile act (none)" : incident.action?.rawValue ?? "action not stated") on \(incident.target.category?.rawValue ?? "unstated target")\(incident.target.subtype.map { "/\($0)" } ?? "")\(incident.target.name.map { " (\($0))" } ?? "")"
        )
        if incident.outcome != nil || incident.acts != nil {
            let outcome = incident.outcome.map { "outcome \($0.rawValue)" }
            let acts = incident.acts.map { "\($0) acts reported together" }
            lines.append("  result:  " + [outcome, acts].compactMap { $0 }.joined(separator: "; "))
        }
        lines.append("  accused: \(incident.perpetrator.map { "\($0.party), as attributed by \($0.attributedBy)" } ?? "nobody named")")
        for claim in incident.claims {
            let says =
                switch claim.stance {
                case .denial: "denies that \(claim.accused?.rawValue ?? "anyone") did it"
                case .verification: "verified it, done by \(claim.accused?.rawValue ?? "an unnamed party")"
                case .rejection: "rejected the record in review"
                case .corroboration: "corroborated it with another record"
                case .assertion: "blames \(claim.accused?.rawValue ?? "nobody")"
                }
            lines.append(
                "  claim:   \(claim.claimant)\(claim.claimantParty.map { " (for \($0))" } ?? "") \(says)\(claim.source.map { " — \($0.url)" } ?? "")")
        }
        for record in incident.sources {
            lines.append(
                "  source:  \(record.dataset) \(record.file):\(record.line) key \(record.key)\(record.release.map { ", release \($0)" } ?? "")")
        }
        if let evidence = explanation.evidence {
            let others = explanation.linkedWith
            lines.append(
                "  evidence: \(evidence.level.rawValue)"
                    + (others.isEmpty ? " (no other record linked)" : " (linked with \(others.joined(separator: ", ")))"))
            if !evidence.mayDescribe.isEmpty {
                // Too vague to be placed in one event: it may describe several, and is counted in none of them.
                let shown = evidence.mayDescribe.prefix(10).joined(separator: ", ")
                let more = evidence.mayDescribe.count > 10 ? " and \(evidence.mayDescribe.count - 10) more" : ""
                lines.append("  too vague to place in one event; may describe: \(shown)\(more)")
            }
        }
        return lines
    }
}
