import Foundation

/// The origins a claim rests on: the reports it comes from, named as Truce's importers and analysts name them,
/// so that claims relayed from one report count as that one report.
///
/// - A party's organs are one origin: `party:RU` for every claim whose claimant speaks for Russia.
/// - A dataset's list of sources is the list of origins: ACLED's `ACLED (sources: Anadolu Agency; Ukrinform)`
///   rests on Anadolu Agency and Ukrinform, UCDP's `UCDP GED (sources: …)` likewise; GDELT's
///   `GDELT (machine-coded from www.aa.com.tr)` on the outlet at that address.
/// - A claim relaying another rests on what it relays: `Reuters (citing Ukraine's energy ministry)`,
///   `Reuters, according to the governor`, `TASS quoting the ministry`; `X via Y` may be either, so both count.
/// - Names are compared folded (lower case, punctuation as spaces), and the outlets of ``SourceOutlets`` by
///   any of their names or web addresses: `Anadolu`, `Anadolu Agency`, `AA` and `aa.com.tr` are one.
public enum SourceIdentity {
    /// The names of the origins `claim` rests on; two claims share an origin when these intersect.
    public static func origins(of claim: Claim) -> Set<String> {
        var origins: Set<String> = []
        if let party = claim.claimantParty { origins.insert("party:\(party)") }
        for name in originNames(in: claim.claimant) {
            let folded = fold(name)
            if !folded.isEmpty { origins.insert("source:" + (SourceOutlets.canonical(folded) ?? folded)) }
        }
        return origins
    }

    /// The names of the reports a claimant's text rests on, unfolded.
    static func originNames(in claimant: String) -> [String] {
        let lower = claimant.lowercased()
        // A dataset's list of sources (ACLED, UCDP), or the outlet GDELT coded the row from.
        for marker in ["(sources: ", "(source: ", "machine-coded from "] {
            if let range = lower.range(of: marker) {
                let list = lower[range.upperBound...].prefix { $0 != ")" }
                let names = list.split(whereSeparator: { $0 == ";" }).map { String($0) }.filter { !fold($0).isEmpty }
                if !names.isEmpty { return names }
            }
        }
        // A relayed report: what follows the marker is the origin.
        for marker in [" citing ", " quoting ", " according to ", "(citing ", "(quoting ", "(according to ", ", according to "] {
            if let range = lower.range(of: marker) {
                let relayed = lower[range.upperBound...].prefix { $0 != ")" }
                return [String(relayed)]
            }
        }
        // "X via Y": X's report carried by Y, or Y's relayed by X: both name it.
        for marker in [" (via ", " via "] {
            if let range = lower.range(of: marker) {
                return [String(lower[..<range.lowerBound]), String(lower[range.upperBound...].prefix { $0 != ")" })]
            }
        }
        return [lower]
    }

    /// Lower case, letters and digits only, words separated by one space, without a leading "the" or "www".
    static func fold(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }.filter { !$0.isEmpty }
        if words.first == "the" || words.first == "www" { words.removeFirst() }
        return words.joined(separator: " ")
    }
}

/// Outlets that appear in the datasets Truce imports under several names or as web addresses, each with the
/// one name its reports count under.
public enum SourceOutlets {
    /// Names (folded, see ``SourceIdentity``) and web hosts (without `www.`) of each outlet. A name of four
    /// letters or more also matches as the first words of a longer name ("Reuters News", "TASS World Service").
    static let outlets: [(name: String, aliases: [String])] = [
        ("anadolu agency", ["anadolu", "anadolu ajansi", "aa", "aa.com.tr"]),
        ("reuters", ["reuters.com", "thomson reuters"]),
        ("agence france presse", ["afp", "france presse", "afp.com"]),
        ("associated press", ["ap", "apnews.com", "ap news"]),
        ("tass", ["itar tass", "tass.com", "tass.ru"]),
        ("interfax", ["interfax.ru", "interfax.com.ua", "interfax ukraine"]),
        ("ria novosti", ["ria", "ria.ru"]),
        ("ukrinform", ["ukrinform.net", "ukrinform.ua"]),
        ("xinhua", ["xinhua news agency", "xinhuanet.com", "news.cn"]),
        ("bbc", ["bbc monitoring", "bbc.com", "bbc.co.uk"]),
        ("ukrainska pravda", ["pravda.com.ua"]),
        ("kyiv independent", ["kyivindependent.com"]),
        ("euromaidan press", ["euromaidanpress.com"]),
        ("new york times", ["nytimes.com"]),
        ("voice of jihad", ["alemarahenglish.af"]),
    ]

    /// The outlet's name for a folded claimant or host, if it is a known outlet.
    static func canonical(_ folded: String) -> String? {
        let host = folded.hasPrefix("www.") ? String(folded.dropFirst(4)) : folded
        for outlet in outlets {
            for alias in [outlet.name] + outlet.aliases {
                if host == alias || (alias.count >= 4 && host.hasPrefix(alias + " ")) { return outlet.name }
                if alias.contains("."), host.hasSuffix("." + alias) { return outlet.name }  // a subdomain: en.interfax.com.ua
            }
        }
        return nil
    }
}
