import Foundation
import Yams

/// The words of one language that news extraction looks for, read from `Resources/Lexicon/<language>.yaml`:
/// kept in data files so that a linguist can extend them without touching code.
struct Lexicon: Sendable {
    struct Attribution: Decodable, Sendable {
        var after_speaker: [String]
        var before_speaker: [String]
        var accusation: [String]
        var denial: [String]
    }

    /// The file's form.
    struct File: Decodable, Sendable {
        var actions: [String: [String]]
        var attack_verbs: [String]
        /// Words that put an attack word in the future or the conditional ("would violate", "could strike").
        var modals: [String]?
        var targets: [String: [String]]
        var parties: [String: [String]]
        var attribution: Attribution
        var halt_words: [String]
        var agreement_events: [String: [String]]
        var agreements: [String: [String]]
        var demand_words: [String]
        var conditions: [String: [String]]
        var months: [String: Int]
        var weekdays: [String: Int]
        var relative_days: [String: Int]
        var night_words: [String]
        var last_week: [String]
        var past_day: [String]
        var part_of_day: [String]
        var numbers: [String: Int]
        var killed: [String]
        var injured: [String]
        /// Names the language's news use for a place the gazetteer calls otherwise ("Gaza" for the Gaza Strip).
        var place_aliases: [String: String]?
        /// Case endings of place names, `suffix>replacement` ("ові>ів": Харкові → Харків).
        var inflections: [String]?
        /// The words for a first-level region that follow its adjective in its name ("область").
        var region_nouns: [String]?
        /// Words that name a speaker without a capital: an office, a body, a role ("the regional governor").
        var offices: [String]?
    }

    let actions: PhraseSet
    let actionOrder: [String]
    let attackVerbs: PhraseSet
    let modals: PhraseSet
    let targets: PhraseSet
    let parties: PhraseSet
    let saidAfter: PhraseSet
    let saidBefore: PhraseSet
    let accusation: PhraseSet
    let denial: PhraseSet
    let halt: PhraseSet
    let agreementEvents: PhraseSet
    let agreements: PhraseSet
    let demands: PhraseSet
    let conditions: PhraseSet
    let months: [String: Int]
    let weekdays: [String: Int]
    let relativeDays: PhraseSet
    let relativeDayOffsets: [String: Int]
    let night: PhraseSet
    let lastWeek: PhraseSet
    let pastDay: PhraseSet
    let partOfDay: PhraseSet
    let numbers: [String: Int]
    let killed: PhraseSet
    let injured: PhraseSet
    let placeAliases: [String: String]
    /// Case endings of place names and what replaces them in the name the gazetteer knows, tried in order.
    let inflections: [(suffix: String, replacement: String)]
    let regionNouns: [String]
    let offices: PhraseSet

    /// The order in which agreement events are tried: the most telling first.
    static let eventOrder = [
        "order_to_halt", "rejected", "accepted", "proposed", "in_force", "extended", "expired", "collapsed", "suspended", "talks_announced",
    ]

    init(_ file: File) {
        actions = PhraseSet(labelled: file.actions)
        actionOrder = ["missile_strike", "drone_strike", "air_strike", "artillery", "naval_attack", "ground_assault", "sabotage", "strike"]
        attackVerbs = PhraseSet(labelled: ["attack": file.attack_verbs])
        modals = PhraseSet(labelled: ["modal": file.modals ?? []])
        targets = PhraseSet(labelled: file.targets)
        parties = PhraseSet(labelled: file.parties)
        saidAfter = PhraseSet(labelled: ["said": file.attribution.after_speaker])
        saidBefore = PhraseSet(labelled: ["according": file.attribution.before_speaker])
        accusation = PhraseSet(labelled: ["accuse": file.attribution.accusation])
        denial = PhraseSet(labelled: ["deny": file.attribution.denial])
        halt = PhraseSet(labelled: ["halt": file.halt_words])
        agreementEvents = PhraseSet(labelled: file.agreement_events)
        agreements = PhraseSet(labelled: file.agreements)
        demands = PhraseSet(labelled: ["demand": file.demand_words])
        conditions = PhraseSet(labelled: file.conditions)
        months = file.months
        weekdays = file.weekdays
        relativeDays = PhraseSet(labelled: Dictionary(uniqueKeysWithValues: file.relative_days.keys.map { ($0, [$0]) }))
        relativeDayOffsets = file.relative_days
        night = PhraseSet(labelled: ["night": file.night_words])
        lastWeek = PhraseSet(labelled: ["week": file.last_week])
        pastDay = PhraseSet(labelled: ["day": file.past_day])
        partOfDay = PhraseSet(labelled: Dictionary(uniqueKeysWithValues: file.part_of_day.map { ($0, [$0]) }))
        numbers = file.numbers
        killed = PhraseSet(labelled: ["killed": file.killed])
        injured = PhraseSet(labelled: ["injured": file.injured])
        placeAliases = Dictionary(uniqueKeysWithValues: (file.place_aliases ?? [:]).map { ($0.key.lowercased(), $0.value) })
        regionNouns = file.region_nouns ?? []
        offices = PhraseSet(labelled: ["office": file.offices ?? []])
        inflections = (file.inflections ?? []).map { rule in
            let parts = rule.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// The bundled lexicon of `language`, read once.
    static func bundled(_ language: NewsLanguage) -> Lexicon {
        switch language {
        case .en: english
        case .uk: ukrainian
        case .ru: russian
        }
    }

    private static let english = load("en")
    private static let ukrainian = load("uk")
    private static let russian = load("ru")

    private static func load(_ name: String) -> Lexicon {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Lexicon"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("the bundled lexicon \(name).yaml is missing from TruceNews's resources") }
        do {
            return Lexicon(try YAMLDecoder().decode(File.self, from: text))
        } catch {
            fatalError("the bundled lexicon \(name).yaml does not read: \(error)")
        }
    }
}

/// Phrases, each with a label, matched on whole words: `"gas metering station*"` matches the words "gas",
/// "metering" and any word beginning with "station". Among phrases starting at one word the longest wins.
struct PhraseSet: Sendable {
    struct Phrase: Sendable {
        var words: [String]
        /// Whether the last word is a stem (written with a trailing `*`).
        var lastIsStem: Bool
        /// Whether every word but the last is a stem too.
        var stems: [Bool]
        var label: String
    }

    /// A phrase found: its label and the tokens it covers.
    struct Match: Sendable {
        var label: String
        var range: Range<Int>
    }

    /// Phrases by the first letters of their first word (up to three), so a word is only compared with the phrases
    /// that could start there.
    private var byPrefix: [UInt64: [Phrase]] = [:]

    init(labelled: [String: [String]]) {
        for (label, phrases) in labelled.sorted(by: { $0.key < $1.key }) {
            for text in phrases {
                let words = Tokenizer.key(text).split(separator: " ").map(String.init)
                guard !words.isEmpty else { continue }
                let stems = words.map { $0.hasSuffix("*") }
                let bare = words.map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
                let phrase = Phrase(words: bare, lastIsStem: stems.last!, stems: stems, label: label)
                byPrefix[Tokenizer.prefixCode(bare[0]), default: []].append(phrase)
            }
        }
        for key in byPrefix.keys { byPrefix[key]!.sort { $0.words.count > $1.words.count } }
    }

    /// The longest phrase that starts at token `index`, if any.
    func match(in tokens: [Token], at index: Int) -> Match? {
        guard tokens[index].isWord || tokens[index].key.count > 1 else { return nil }
        for phrase in byPrefix[tokens[index].prefix] ?? [] where index + phrase.words.count <= tokens.count {
            var matched = true
            for (offset, word) in phrase.words.enumerated() {
                let token = tokens[index + offset].key
                if phrase.stems[offset] ? !token.hasPrefix(word) : token != word {
                    matched = false
                    break
                }
            }
            if matched { return Match(label: phrase.label, range: index..<index + phrase.words.count) }
        }
        return nil
    }

    /// Every match in `tokens[range]`, left to right, not overlapping.
    func matches(in tokens: [Token], range: Range<Int>? = nil) -> [Match] {
        var found: [Match] = []
        var index = range?.lowerBound ?? 0
        let end = range?.upperBound ?? tokens.count
        while index < end {
            if let match = match(in: tokens, at: index), match.range.upperBound <= end {
                found.append(match)
                index = match.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether any phrase occurs in `tokens[range]`.
    func occurs(in tokens: [Token], range: Range<Int>? = nil) -> Bool { !matches(in: tokens, range: range).isEmpty }
}
