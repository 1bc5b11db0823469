import Foundation
import TruceApp
import TruceCore

/// An agreement's notifications as an Atom 1.0 feed (RFC 4287): its status changes and the violations at an
/// evidence level or above, newest first. Links are relative to the feed's own address.
public enum AtomFeed {
    /// The most entries a feed holds.
    public static let maxEntries = 200

    /// The feed of `entries` about `agreement` at `level`, served at `selfPath`; `now` dates an empty feed.
    public static func render(
        _ entries: [NotificationEntry], agreement: Agreement, level: EvidenceLevel, selfPath: String, now: Date
    ) -> String {
        let shown = entries.prefix(maxEntries)
        let updated = shown.map(\.updated).max() ?? now
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>\(escaped("urn:truce:agreements:\(agreement.id):\(level.rawValue)"))</id>
            <title>\(escaped("\(agreement.title): status and violations (\(level.rawValue) or above)"))</title>
            <updated>\(timestamp(updated))</updated>
            <author><name>Truce</name></author>
            <generator>Truce</generator>
            <link rel="self" type="application/atom+xml" href="\(escaped(selfPath))"/>
            <link rel="alternate" type="text/html" href="\(escaped("/agreements/\(agreement.id)"))"/>

            """
        for entry in shown {
            let link = entry.incident.map { "/incidents/\($0)" } ?? "/agreements/\(agreement.id)"
            xml += """
                <entry>
                <id>\(escaped("urn:truce:agreements:\(agreement.id):" + entry.id.replacingOccurrences(of: "/", with: ":")))</id>
                <title>\(escaped(entry.title))</title>
                <updated>\(timestamp(entry.updated))</updated>
                <link rel="alternate" type="text/html" href="\(escaped(link))"/>
                <category term="\(entry.kind.rawValue)"/>
                <summary>\(escaped(entry.summary))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// `text` with XML's five special characters escaped, and characters XML 1.0 cannot hold dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
