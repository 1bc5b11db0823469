import Foundation
import TruceCore

/// Finds where a sentence says something happened: capitalised names resolved through the gazetteer, a name
/// followed by "region" or "Oblast" as that region, a name after "in", "near" or "over" before any other. A name
/// several places share stays ambiguous (no coordinates, region precision at best) unless the sentence's region or a
/// place named earlier in the article decides.
struct PlaceFinder {
    let gazetteer: Gazetteer
    let lexicon: Lexicon

    /// Words that put a place after them.
    static let locative: Set<String> = [
        "in", "near", "over", "at", "on", "outside", "around", "across", "of", "into", "from", "hit", "struck", "targeted", "attacked",
        "у", "в", "біля", "поблизу", "під", "на", "над", "около", "возле", "под",
    ]
    /// Words after a name that make it a first-level region.
    static let regionWords: Set<String> = [
        "region", "regions", "oblast", "province", "governorate", "krai", "область", "області", "областю", "обл", "области",
        "обласці", "край", "краю", "регіон", "регион",
    ]
    /// Capitalised words that are never places here.
    static let notPlaces: Set<String> = [
        "the", "a", "an", "on", "in", "at", "he", "she", "it", "they", "we", "this", "that", "after", "before", "during", "while",
        "president", "minister", "ministry", "governor", "mayor", "head", "army", "air", "force", "forces", "general", "staff",
        "defence", "defense", "energy", "ceasefire", "truce", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "according", "officials", "regional", "military", "administration", "city", "council", "national", "state",
        "sea", "black", "easter", "victory", "day",
    ]

    struct Found {
        var mention: PlaceMention
        var resolved: Gazetteer.Place?
    }

    func place(in sentence: Sentence, near earlier: [Gazetteer.Place]) -> Found? {
        let tokens = sentence.tokens
        let partyMatches = lexicon.parties.matches(in: tokens)
        let partyTokens = Set(partyMatches.flatMap(\.range))
        var best: (found: Found, score: Int)?
        let hint = regionHint(in: tokens)
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalised, tokens[index].isWord, !partyTokens.contains(index),
                !Self.notPlaces.contains(tokens[index].key), lexicon.months[tokens[index].key] == nil,
                !isPersonName(tokens, at: index, parties: partyTokens)
            else {
                index += 1
                continue
            }
            // The longest run of up to three capitalised words the gazetteer knows, e.g. "Kryvyi Rih", "Khan Younis".
            var end = index + 1
            while end < tokens.count, end - index < 3, tokens[end].isCapitalised || tokens[end].key == "-", tokens[end].isWord,
                !partyTokens.contains(end)
            {
                end += 1
            }
            var resolvedHere = false
            for length in stride(from: end - index, through: 1, by: -1) {
                let range = index..<index + length
                let name = tokens[range].map { Self.bare($0.text) }.joined(separator: " ")
                let isRegion = range.upperBound < tokens.count && Self.regionWords.contains(tokens[range.upperBound].key)
                guard let found = resolve(name, isRegion: isRegion, inRegion: isRegion ? nil : hint, near: earlier) else { continue }
                var score = 1
                let before = index > 1 && tokens[index - 1].key == "the" ? index - 2 : index - 1
                if before >= 0, Self.locative.contains(tokens[before].key) { score += 2 }
                if found.resolved != nil { score += 1 }
                if best == nil || score > best!.score { best = (found, score) }
                index = range.upperBound
                resolvedHere = true
                break
            }
            if !resolvedHere { index += 1 }
        }
        return best?.found ?? country(in: tokens, parties: partyMatches)
    }

    /// A country the sentence names after "in", "against" or "across" ("launched 145 drones against Ukraine"), as a
    /// place of country precision, when it names no place the gazetteer knows.
    private func country(in tokens: [Token], parties: [PhraseSet.Match]) -> Found? {
        for party in parties
        where party.range.lowerBound > 0 && ["in", "against", "across", "at", "on", "into", "over"].contains(tokens[party.range.lowerBound - 1].key) {
            guard let (name, code) = Self.countries[party.label], tokens[party.range.lowerBound].isCapitalised,
                party.range.upperBound >= tokens.count || !Self.regionWords.contains(tokens[party.range.upperBound].key)
            else { continue }
            let word = tokens[party.range.lowerBound].key
            guard Self.countryWords.contains(word) else { continue }
            return Found(
                mention: PlaceMention(
                    text: String(tokens[party.range.lowerBound].text), name: name, admin1: nil, country: code, latitude: nil, longitude: nil,
                    precision: .country, candidates: 1),
                resolved: nil)
        }
        return nil
    }

    static let countries: [String: (String, String)] = ["UA": ("Ukraine", "UA"), "RU": ("Russia", "RU"), "IL": ("Israel", "IL")]
    /// The words that name a country as the place of an act: the name, its possessive, and the adjective before
    /// what was hit ("attacks on Russian energy infrastructure").
    static let countryWords: Set<String> = [
        "ukraine", "ukraine's", "ukrainian", "russia", "russia's", "russian", "israel", "israel's", "israeli", "україна", "україну",
        "україні", "россия", "россию", "россии",
    ]

    /// Whether the capitalised word at `index` begins a person's name: followed by a party's person ("Vladimir
    /// Putin", "Dmitry Peskov") or preceded by a title ("President", "spokesman", "Governor").
    private func isPersonName(_ tokens: [Token], at index: Int, parties: Set<Int>) -> Bool {
        if index + 1 < tokens.count, parties.contains(index + 1), tokens[index + 1].isCapitalised { return true }
        if index > 0, Self.titles.contains(tokens[index - 1].key) { return true }
        if index > 1, Self.titles.contains(tokens[index - 2].key), tokens[index - 1].isCapitalised { return true }
        return false
    }

    static let titles: Set<String> = [
        "president", "minister", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "general", "gen", "lt", "col",
        "adviser", "advisor", "envoy", "chief", "commander", "secretary", "ambassador", "head", "premier", "chancellor", "mr", "mrs",
        "ms", "dr", "official", "officer", "deputy", "leader",
    ]

    /// A name's gazetteer entry: a region when `isRegion`, else a locality or, failing that, a region; `region`
    /// is the first-level region the sentence names elsewhere, which decides between namesakes.
    func resolve(_ written: String, isRegion: Bool, inRegion region: String? = nil, near earlier: [Gazetteer.Place]) -> Found? {
        let name = lexicon.placeAliases[written.lowercased()] ?? written
        var resolution = gazetteer.resolve(name, near: earlier, inRegion: region, region: isRegion)
        if case .unknown = resolution, region != nil { resolution = gazetteer.resolve(name, near: earlier, region: isRegion) }
        if case .unknown = resolution { resolution = inflected(name, isRegion: isRegion, near: earlier) }
        switch resolution {
        case .unknown:
            return nil
        case .unique(let place):
            return Found(mention: mention(written, place, candidates: 1), resolved: place)
        case .ambiguous(let places):
            // The places share a region, or a country: that much is known even if the place is not.
            let regions = Set(places.compactMap(\.admin1))
            let shared = regions.count == 1 ? regions.first : nil
            let countries = Set(places.map(\.country))
            return Found(
                mention: PlaceMention(
                    text: written, name: nil, admin1: shared, country: countries.count == 1 ? countries.first : nil, latitude: nil,
                    longitude: nil, precision: shared != nil ? .region : (countries.count == 1 ? .country : .unknown),
                    candidates: places.count),
                resolved: nil)
        }
    }

    /// A name in another case ("Харкові", "Москве") resolved through the language's case endings: the first
    /// ending the name has whose replacement gives a name the gazetteer knows.
    private func inflected(_ name: String, isRegion: Bool, near earlier: [Gazetteer.Place]) -> Gazetteer.Resolution {
        var words = name.split(separator: " ").map(String.init)
        guard let last = words.last?.lowercased(), last.unicodeScalars.first.map({ $0.value >= 0x400 && $0.value <= 0x4FF }) == true else {
            return .unknown
        }
        for (suffix, replacement) in lexicon.inflections where last.hasSuffix(suffix) && last.count > suffix.count + 2 {
            words[words.count - 1] = String(last.dropLast(suffix.count)) + replacement
            let candidate = words.joined(separator: " ")
            // A region's name is its adjective with the word for region ("Херсонська область").
            for form in isRegion ? [candidate] + lexicon.regionNouns.map { candidate + " " + $0 } : [candidate] {
                let resolution = gazetteer.resolve(form, near: earlier, region: isRegion)
                if case .unknown = resolution { continue }
                return resolution
            }
        }
        return .unknown
    }

    /// The first-level region a sentence names ("in the Donetsk region", "a Donetsk-region city", "Kursk Oblast"),
    /// as the gazetteer calls it.
    func regionHint(in tokens: [Token]) -> String? {
        for (index, token) in tokens.enumerated() {
            var name: String?
            if let dash = token.key.lastIndex(of: "-"), Self.regionWords.contains(String(token.key[token.key.index(after: dash)...])) {
                name = String(
                    token.text[..<token.text.index(token.text.startIndex, offsetBy: token.key.distance(from: token.key.startIndex, to: dash))])
            } else if index + 1 < tokens.count, token.isCapitalised, Self.regionWords.contains(tokens[index + 1].key) {
                name = Self.bare(token.text)
            }
            if let name, case .unique(let region) = gazetteer.resolve(name, region: true) { return region.name }
        }
        return nil
    }

    private func mention(_ text: String, _ place: Gazetteer.Place, candidates: Int) -> PlaceMention {
        PlaceMention(
            text: text, name: place.name, admin1: place.kind == .region ? place.name : place.admin1, country: place.country,
            latitude: place.latitude, longitude: place.longitude, precision: place.kind == .region ? .region : .locality,
            candidates: candidates)
    }

    /// A name without a possessive ending ("Kharkiv's" → "Kharkiv").
    static func bare(_ word: Substring) -> String {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        return String(word)
    }
}
