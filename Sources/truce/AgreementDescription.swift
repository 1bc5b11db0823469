import Foundation
import TruceApp
import TruceCore

/// An agreement described for people: window in its own zone and in UTC, parties, status history with the
/// status each event led to, and outstanding conditions.
struct AgreementDescription {
    var agreement: Agreement
    var now: Date

    var text: String {
        var lines = ["\(agreement.id) — \(agreement.title)", "  kind:     \(agreement.kind.rawValue)"]
        lines.append("  parties:  " + agreement.parties.map { "\($0.name) (\($0.id), \($0.role.rawValue))" }.joined(separator: ", "))
        lines += windowLines
        lines.append("  status today (\(TimeFormatting.utc(now).prefix(10))): \(agreement.statusSummary(at: now))")
        if !agreement.statusHistory.isEmpty {
            lines.append("  status history (each line: event, then every party's status after it):")
            for event in agreement.statusHistory {
                let instant = agreement.instant(of: event)
                let who = event.party.map { " by \($0)" } ?? ""
                lines.append(
                    "    \(TimeFormatting.local(instant, in: agreement.timeZone))  \(event.status.rawValue)\(who)  ⇒ \(agreement.statusSummary(at: instant))"
                )
            }
        }
        let outstanding = agreement.outstandingConditions
        lines.append("  outstanding conditions: \(outstanding.isEmpty ? "none" : String(outstanding.count))")
        for condition in outstanding {
            lines.append("    [\(condition.holder), \(condition.kind.rawValue), \(condition.state.rawValue)] \(condition.text)")
        }
        return lines.joined(separator: "\n")
    }

    private var windowLines: [String] {
        let zone = agreement.window.timeZone ?? agreement.timeZone
        guard let span = agreement.span else {
            let length: String
            if case .after(let duration) = agreement.window.end { length = " (proposed length \(duration))" } else { length = "" }
            return ["  window:   not scheduled\(length)"]
        }
        var lines = [
            "  window:   \(TimeFormatting.span(span, in: zone))  (\(zone))",
            "            \(TimeFormatting.span(span, in: nil))  (UTC)",
        ]
        for own in agreement.partyWindows {
            guard let partySpan = agreement.span(for: own.party) else { continue }
            let partyZone = own.timeZone ?? zone
            lines.append("    per \(own.party): \(TimeFormatting.span(partySpan, in: partyZone))  (\(partyZone))")
            lines.append("            \(TimeFormatting.span(partySpan, in: nil))  (UTC)")
        }
        return lines
    }
}
